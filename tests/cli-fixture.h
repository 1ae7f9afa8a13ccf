/* cli-fixture.h — running relance-cli from a test: the shared helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Include after the test's own Fixture type, which must have `dir` (a
 * temporary directory) and `db` (the database path), and after DAY (the
 * evaluation day passed to every run_cli()).
 */
#pragma once

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_free)

static inline const char *
cli_path (void)
{
  const char *path = g_getenv ("RELANCE_CLI");

  if (path == NULL)
    fail_msg ("RELANCE_CLI is not set: run this test with meson test");
  return path;
}

/* Runs relance-cli with @args (NULL-terminated) and @env changes
 * ("NAME=value", or "NAME" alone to unset), nothing added */
static inline void
run_argv (Run                *run,
          const char * const *args,
          const char * const *env_changes)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "RELANCE_DB");
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  for (guint i = 0; env_changes != NULL && env_changes[i] != NULL; i++)
    {
      const char *eq = strchr (env_changes[i], '=');

      if (eq == NULL)
        envp = g_environ_unsetenv (envp, env_changes[i]);
      else
        {
          g_autofree char *name = g_strndup (env_changes[i], eq - env_changes[i]);

          envp = g_environ_setenv (envp, name, eq + 1, TRUE);
        }
    }

  memset (run, 0, sizeof *run);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    fail_msg ("could not run %s: %s", cli_path (), error->message);
  if (!WIFEXITED (wait_status))
    fail_msg ("relance-cli did not exit normally (%d); stderr:\n%s", wait_status, run->err);
  run->status = WEXITSTATUS (wait_status);
}

/* relance-cli --db F --date DAY ARGS… */
static inline void
run_cli (Run        *run,
         Fixture    *f,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--date");
  g_ptr_array_add (args, (gpointer) DAY);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_argv (run, (const char * const *) args->pdata, NULL);
}

static inline void
assert_status (const Run *run,
               int        expected)
{
  if (run->status != expected)
    fail_msg ("exit status %d, expected %d\nstdout:\n%s\nstderr:\n%s",
              run->status, expected, run->out, run->err);
}

static inline void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    fail_msg ("“%s” not found in:\n%s", needle, haystack);
}

static inline JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    fail_msg ("not JSON (%s):\n%s", error->message, text);
  return json_node_copy (json_parser_get_root (parser));
}

static inline gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    fail_msg ("no member “%s”", name);
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    fail_msg ("member “%s” is not an integer", name);
  return json_node_get_int (node);
}

static inline const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    fail_msg ("no member “%s”", name);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    fail_msg ("member “%s” is not a string", name);
  return json_node_get_string (node);
}

static inline char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents, -1, &error))
    fail_msg ("%s", error->message);
  return path;
}
