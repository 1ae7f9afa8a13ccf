/* main.c — the relance application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "relance-application.h"
#include "relance-gui-utils.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RelanceApplication) app = NULL;
  const char *localedir = g_getenv ("RELANCE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* RELANCE_LOCALEDIR points an uninstalled run (tests, screenshots) at the
   * catalogues of the build directory, <builddir>/po */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Relance"));
  relance_gui_profile_mark ("main");

  app = relance_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
