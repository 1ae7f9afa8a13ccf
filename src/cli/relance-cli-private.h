/* relance-cli-private.h — what the commands of relance-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "relance-engine.h"

G_BEGIN_DECLS

/* The exit status is part of the contract (docs/cli.md) */
typedef enum
{
  RELANCE_CLI_EXIT_OK      = 0, /* the operation succeeded */
  RELANCE_CLI_EXIT_FAILURE = 1, /* the operation failed: bad data, unknown customer… */
  RELANCE_CLI_EXIT_USAGE   = 2, /* the command line is wrong */
} RelanceCliExit;

/**
 * RelanceCli:
 * @db_path: the database file given with --db, %NULL for the default
 * @user: the login given with --user, %NULL for $USER
 * @day: the evaluation day given with --date, 0 until resolved to today
 * @json: print JSON instead of text
 * @language: "fr" or "en", for amounts and dates in text output
 *
 * The global options, filled by whichever option context (the main one or
 * the command's) saw them.
 */
typedef struct
{
  char        *db_path;
  char        *user;
  RelanceDate  day;
  gboolean     json;
  const char  *language;
} RelanceCli;

typedef int (*RelanceCliCommandFunc) (RelanceCli *cli,
                                      int         argc,
                                      char      **argv);

/* The commands, one per file: argv[0] is the command's name */
int              relance_cli_init            (RelanceCli *cli, int argc, char **argv);
int              relance_cli_demo            (RelanceCli *cli, int argc, char **argv);
int              relance_cli_import          (RelanceCli *cli, int argc, char **argv);
int              relance_cli_customer        (RelanceCli *cli, int argc, char **argv);
int              relance_cli_aged_balance    (RelanceCli *cli, int argc, char **argv);
int              relance_cli_dso             (RelanceCli *cli, int argc, char **argv);
int              relance_cli_dispute         (RelanceCli *cli, int argc, char **argv);
int              relance_cli_promise         (RelanceCli *cli, int argc, char **argv);
int              relance_cli_note            (RelanceCli *cli, int argc, char **argv);
int              relance_cli_timeline        (RelanceCli *cli, int argc, char **argv);
int              relance_cli_interest        (RelanceCli *cli, int argc, char **argv);
int              relance_cli_rate            (RelanceCli *cli, int argc, char **argv);
int              relance_cli_run             (RelanceCli *cli, int argc, char **argv);
int              relance_cli_agenda          (RelanceCli *cli, int argc, char **argv);
int              relance_cli_scenario        (RelanceCli *cli, int argc, char **argv);
int              relance_cli_action          (RelanceCli *cli, int argc, char **argv);
int              relance_cli_user            (RelanceCli *cli, int argc, char **argv);
int              relance_cli_notifications   (RelanceCli *cli, int argc, char **argv);
int              relance_cli_document        (RelanceCli *cli, int argc, char **argv);
int              relance_cli_template        (RelanceCli *cli, int argc, char **argv);
int              relance_cli_company         (RelanceCli *cli, int argc, char **argv);
int              relance_cli_mail            (RelanceCli *cli, int argc, char **argv);

/* Options */
GOptionContext  *relance_cli_option_context_new (RelanceCli         *cli,
                                                 const char         *parameter_string,
                                                 const char         *summary,
                                                 const GOptionEntry *entries);
int              relance_cli_parse_options   (RelanceCli     *cli,
                                              GOptionContext *context,
                                              int            *argc,
                                              char         ***argv);
RelanceDate      relance_cli_get_day         (RelanceCli     *cli);
/* --user, else $USER, else the system login: who the audit trail names */
const char      *relance_cli_get_user        (RelanceCli     *cli);

/* Messages on stderr; each returns the exit status to return */
int              relance_cli_usage_error     (GOptionContext *context,
                                              const char     *format,
                                              ...) G_GNUC_PRINTF (2, 3);
int              relance_cli_fail            (const char     *format,
                                              ...) G_GNUC_PRINTF (1, 2);
int              relance_cli_fail_error      (const GError   *error);

/* The database */
char            *relance_cli_dup_db_path     (RelanceCli     *cli,
                                              GError        **error);
RelanceDatabase *relance_cli_open_database   (RelanceCli     *cli,
                                              gboolean        must_exist,
                                              GError        **error);
RelanceActor    *relance_cli_find_customer   (RelanceDatabase *db,
                                              const char      *code,
                                              GError         **error);

/* What the commands repeat (relance-cli-common.c) */
typedef struct
{
  const char            *name;
  RelanceCliCommandFunc  func;
} RelanceCliSubcommand;

int              relance_cli_parse_arguments (RelanceCli      *cli,
                                              GOptionContext  *context,
                                              int             *argc,
                                              char          ***argv,
                                              int              max_arguments);
gboolean         relance_cli_parse_id        (const char      *text,
                                              gint64          *id);
gboolean         relance_cli_is_help         (int              argc,
                                              char           **argv);
gboolean         relance_cli_dispatch        (RelanceCli                 *cli,
                                              int                         argc,
                                              char                      **argv,
                                              const RelanceCliSubcommand *subcommands,
                                              gsize                       n_subcommands,
                                              int                        *status);
int              relance_cli_subcommand_error (int         argc,
                                               const char *unknown,
                                               const char *missing,
                                               const char *hint);
int              relance_cli_open_document   (RelanceCli           *cli,
                                              GOptionContext       *context,
                                              int                   argc,
                                              char                **argv,
                                              RelanceDatabase     **db,
                                              RelanceDocumentInfo **info);
GHashTable      *relance_cli_actor_codes_new (void);
const char      *relance_cli_actor_code      (RelanceDatabase *db,
                                              GHashTable      *codes,
                                              gint64           actor_id);

/* Progress on stderr, only when it is a terminal */
typedef struct
{
  gboolean enabled;
  int      last_percent;
  gboolean printed;
} RelanceCliProgress;

void             relance_cli_progress_init   (RelanceCliProgress *progress);
void             relance_cli_progress_cb     (double              fraction,
                                              const char         *what,
                                              gpointer            data);
void             relance_cli_progress_end    (RelanceCliProgress *progress);

/* JSON */
void             relance_cli_print_json      (JsonBuilder    *builder);
void             relance_cli_json_add_days   (JsonBuilder    *builder,
                                              const char     *member,
                                              double          days);
void             relance_cli_json_add_date   (JsonBuilder    *builder,
                                              const char     *member,
                                              RelanceDate     date);
void             relance_cli_json_add_int    (JsonBuilder    *builder,
                                              const char     *member,
                                              gint64          value);
void             relance_cli_json_add_string (JsonBuilder    *builder,
                                              const char     *member,
                                              const char     *value);
char            *relance_cli_json_to_string  (JsonNode       *root);
double           relance_cli_round2          (double          value);

/* Text output */
char            *relance_cli_format_amount   (RelanceCli     *cli,
                                              gint64          cents,
                                              const char     *currency);
char            *relance_cli_format_days     (RelanceCli     *cli,
                                              double          days);
char            *relance_cli_format_date     (RelanceCli     *cli,
                                              RelanceDate     date);
gsize            relance_cli_text_width      (const char     *text);

typedef enum
{
  RELANCE_CLI_ALIGN_LEFT,
  RELANCE_CLI_ALIGN_RIGHT,
} RelanceCliAlign;

typedef struct _RelanceCliTable RelanceCliTable;

RelanceCliTable *relance_cli_table_new       (guint            n_columns);
void             relance_cli_table_free      (RelanceCliTable *table);
void             relance_cli_table_set_column (RelanceCliTable *table,
                                               guint            column,
                                               const char      *title,
                                               RelanceCliAlign  align,
                                               gsize            max_width);
void             relance_cli_table_add_row   (RelanceCliTable *table);
void             relance_cli_table_add_rule  (RelanceCliTable *table);
void             relance_cli_table_set       (RelanceCliTable *table,
                                              guint            column,
                                              const char      *text);
void             relance_cli_table_take      (RelanceCliTable *table,
                                              guint            column,
                                              char            *text);
void             relance_cli_table_print     (RelanceCliTable *table,
                                              FILE            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCliTable, relance_cli_table_free)

G_END_DECLS
