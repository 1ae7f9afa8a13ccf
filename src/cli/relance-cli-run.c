/* relance-cli-run.c — relance-cli run: the collections of the day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "relance-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-cli-private.h"
#include "relance-mail.h"

/* What the run did after the engine's work: the letters and notices
 * made, the emails delivered */
typedef struct
{
  guint             documents_generated;
  RelanceMailReport mails;
} RunOutput;

/* Helpers */

static void
print_json (const RelanceRunReport *report,
            const RunOutput        *output)
{
  g_autofree char *json = relance_run_report_to_json (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (json, &error);
  g_autofree char *text = NULL;
  JsonObject *object;

  /* The engine writes the same object into the run journal: one source
   * for the key names; the documents and mails are added after them */
  g_assert_no_error (error);
  object = json_node_get_object (root);
  json_object_set_int_member (object, "documents_generated", output->documents_generated);
  json_object_set_int_member (object, "mails_sent", output->mails.sent);
  json_object_set_int_member (object, "mails_outbox", output->mails.outbox);
  json_object_set_int_member (object, "mails_failed", output->mails.failed);
  text = relance_cli_json_to_string (root);
  g_print ("%s\n", text);
}

static void
print_text (RelanceCli             *cli,
            const RelanceRunReport *report,
            const RunOutput        *output)
{
  g_autofree char *day = relance_cli_format_date (cli, report->day);
  g_autoptr(GString) channels = g_string_new (NULL);

  g_print (_("Daily run of %s"), day);
  g_print ("\n");
  if (report->resumed)
    g_print ("%s\n", _("An earlier run of that day had not finished: this one finished its job."));
  if (report->previous_run != RELANCE_DATE_NONE && report->previous_run + 1 < report->day)
    {
      g_autofree char *previous = relance_cli_format_date (cli, report->previous_run);

      g_print (_("Last finished run: %s; the days between are caught up."), previous);
      g_print ("\n");
    }
  if (report->seeded)
    g_print ("%s\n", _("The database had no scenario: the three standard ones were added."));
  g_print ("\n");
  g_print (_("Customers evaluated: %u"), report->actors);
  g_print ("\n");
  g_print (_("Cases: %u opened, %u closed, %u suspended by a promise, %u resumed"),
           report->cases_opened, report->cases_closed, report->cases_suspended,
           report->cases_resumed);
  g_print ("\n");
  g_print (_("Actions created: %u (%u automatic, done by the server; %u manual, on the agendas)"),
           report->actions_created, report->actions_automatic, report->actions_manual);
  g_print ("\n");
  for (guint c = 0; c < RELANCE_N_CHANNELS; c++)
    if (report->actions_by_channel[c] > 0)
      g_string_append_printf (channels, "%s%s %u", channels->len > 0 ? ", " : "",
                              relance_channel_to_string (c), report->actions_by_channel[c]);
  if (channels->len > 0)
    g_print ("  %s\n", channels->str);
  if (report->actions_cancelled > 0)
    {
      g_print (_("Planned actions of closed cases cancelled: %u"), report->actions_cancelled);
      g_print ("\n");
    }
  g_print (_("Broken promises escalated: %u"), report->escalations);
  g_print ("\n");
  g_print (_("Items handed over to litigation: %u"), report->items_handed_over);
  g_print ("\n");
  for (guint i = 0; i < report->amounts->len; i++)
    {
      const RelanceRunAmounts *a = &g_array_index (report->amounts, RelanceRunAmounts, i);
      g_autofree char *fees = relance_cli_format_amount (cli, a->fees_cents, a->currency);
      g_autofree char *interest = relance_cli_format_amount (cli, a->interest_cents, a->currency);
      g_autofree char *indemnity = relance_cli_format_amount (cli, a->indemnity_cents, a->currency);

      g_print (_("Invoiced in %s: fees %s, late interest %s, recovery indemnities %s"),
               a->currency, fees, interest, indemnity);
      g_print ("\n");
    }
  g_print (_("Letters and formal notices generated: %u"), output->documents_generated);
  g_print ("\n");
  g_print (_("Emails: %u sent, %u written to the outbox, %u failed"),
           output->mails.sent, output->mails.outbox, output->mails.failed);
  g_print ("\n");
  if (output->mails.failed > 0)
    g_print ("%s\n", _("The failed emails are kept: the next run, or “relance-cli mail "
                       "dispatch”, tries them again (“relance-cli mail list” says why)."));
}

/* Public */

int
relance_cli_run (RelanceCli  *cli,
                 int          argc,
                 char       **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print the report as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceRunReport) report = NULL;
  g_autoptr(GError) error = NULL;
  RelanceCliProgress progress;
  RunOutput output = { 0 };
  gboolean ok;
  int status;

  context = relance_cli_option_context_new (cli, "run",
                                            _("Run the collections of the evaluation day: open "
                                              "and close the cases, create the actions that "
                                              "fell due (the automatic ones done at once, with "
                                              "their fees and interest; the manual ones on the "
                                              "agendas), escalate the broken promises; then "
                                              "make the letters and formal notices of the "
                                              "automatic actions and send their emails (to the "
                                              "outbox when no server is set). Running it twice "
                                              "for a day creates nothing twice; days without a "
                                              "run are caught up."),
                                            entries);
  status = relance_cli_parse_arguments (cli, context, &argc, &argv, 0);
  if (status != RELANCE_CLI_EXIT_OK)
    return status;

  db = relance_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return relance_cli_fail_error (error);

  relance_cli_progress_init (&progress);
  ok = relance_daily_run (db, relance_cli_get_day (cli), NULL, NULL,
                          relance_cli_progress_cb, &progress, &report, &error);
  relance_cli_progress_end (&progress);
  if (!ok)
    return relance_cli_fail_error (error);

  /* The letters of the run's automatic actions, then its emails (which
   * may carry them). Each step is idempotent: after a failure, the next
   * run finishes the job. */
  relance_cli_progress_init (&progress);
  ok = relance_documents_generate_for_run (db, report->day, relance_cli_progress_cb, &progress,
                                           NULL, &output.documents_generated, &error);
  relance_cli_progress_end (&progress);
  if (!ok)
    return relance_cli_fail (_("The run is recorded, but its documents could not all be made: "
                               "%s"), error->message);

  relance_cli_progress_init (&progress);
  ok = relance_mail_dispatch_run (db, report->day, relance_cli_progress_cb, &progress, NULL,
                                  &output.mails, &error);
  relance_cli_progress_end (&progress);
  if (!ok)
    return relance_cli_fail (_("The run is recorded, but its emails could not all be made: %s"),
                             error->message);

  if (cli->json)
    print_json (report, &output);
  else
    print_text (cli, report, &output);
  return RELANCE_CLI_EXIT_OK;
}
