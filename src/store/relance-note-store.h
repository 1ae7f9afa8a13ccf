/* relance-note-store.h — free notes on a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-model.h"
#include "relance-database.h"

G_BEGIN_DECLS

/**
 * RelanceNote:
 * @id: the note's id
 * @actor_id: the customer
 * @text: what was written
 * @created_at: UTC timestamp
 * @created_by: login of the author
 */
typedef struct
{
  gint64  id;
  gint64  actor_id;
  char   *text;
  char   *created_at;
  char   *created_by;
} RelanceNote;

void        relance_note_free        (RelanceNote *note);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceNote, relance_note_free)

/* Adds a note by the database's user, with an audit line; returns its
 * id, or 0 with RELANCE_STORE_ERROR_INVALID when the text is blank or
 * the actor does not exist. */
gint64      relance_note_store_add   (RelanceDatabase  *db,
                                      gint64            actor_id,
                                      const char       *text,
                                      GError          **error);
/* The notes (RelanceNote *, freed by the array) of an actor, newest
 * first. */
GPtrArray  *relance_note_store_list  (RelanceDatabase  *db,
                                      gint64            actor_id,
                                      GError          **error);

G_END_DECLS
