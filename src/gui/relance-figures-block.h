/* relance-figures-block.h — a customer's amounts in one currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "relance-store.h"

G_BEGIN_DECLS

#define RELANCE_TYPE_FIGURES_BLOCK (relance_figures_block_get_type ())

G_DECLARE_FINAL_TYPE (RelanceFiguresBlock, relance_figures_block, RELANCE, FIGURES_BLOCK, GtkWidget)

GtkWidget *relance_figures_block_new         (void);
void       relance_figures_block_set_figures (RelanceFiguresBlock     *self,
                                              const RelanceFiguresRow *figures,
                                              RelanceDate              evaluation_day);
const char *relance_figures_block_get_currency (RelanceFiguresBlock   *self);

G_END_DECLS
