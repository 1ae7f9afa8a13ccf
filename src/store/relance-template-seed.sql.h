/* relance-template-seed.sql.h — the templates that migration 3 seeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * French and English, one row per template code and language; see
 * docs/templates.md for the placeholders. Part of a shipped migration:
 * never edit, add a migration that updates the rows.
 *
 * Written as a French credit manager signs them: courteous at level 0,
 * firm at level 2, the formal notice with everything Code civil 1344 and
 * Code de commerce L441-10 / D441-5 ask for, the consumer letters with the
 * legal interest rate, no 40 € indemnity and the tribunal judiciaire. The
 * bodies hold no signature: the document prints the signatory under them.
 * Apostrophes are typographic (’), so the SQL needs no escaping;
 * paragraphs are separated by a blank line; the SMS stay under 160
 * characters once filled.
 */
#pragma once

#define RELANCE_TEMPLATE_SEED_SQL \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_courtesy', 'fr', 'letter', 0, 'Courrier de courtoisie', 'Rappel d’échéance'," \
  "'[[SALUTATION]]\n\n" \
  "Nous nous permettons de vous rappeler que les factures ci-dessous arrivent à échéance ou sont échues depuis peu. Votre encours s’élève à ce jour à [[OUTSTANDING]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Nous vous remercions de bien vouloir veiller à leur règlement par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "Si votre paiement a déjà été émis, nous vous prions de ne pas tenir compte de ce courrier. Pour toute question, [[AGENT_NAME]] reste à votre disposition au [[COMPANY_PHONE]].\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_courtesy', 'en', 'letter', 0, 'Courtesy letter', 'Payment reminder'," \
  "'[[SALUTATION]]\n\n" \
  "We would like to remind you that the invoices below are falling due or have recently fallen due. Your balance with us currently stands at [[OUTSTANDING]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "We would be grateful if you could arrange for their payment by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "If your payment has already been sent, please disregard this letter. Should you have any question, [[AGENT_NAME]] will be pleased to help on [[COMPANY_PHONE]].\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_reminder_1', 'fr', 'letter', 1, 'Courrier de relance 1', 'Relance – factures échues impayées'," \
  "'[[SALUTATION]]\n\n" \
  "Sauf erreur ou omission de notre part, nous constatons que votre compte présente à ce jour un solde échu de [[OVERDUE]], correspondant aux factures suivantes :\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Nous vous demandons de bien vouloir régulariser cette situation sous [[DEADLINE_DAYS]] jours, soit au plus tard le [[DEADLINE]], par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "Si une difficulté ou une contestation explique ce retard, nous vous invitons à prendre contact sans attendre avec [[AGENT_NAME]] ([[AGENT_EMAIL]]) afin d’y trouver une solution.\n\n" \
  "Si votre règlement nous est parvenu entre-temps, veuillez ne pas tenir compte de la présente.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_reminder_1', 'en', 'letter', 1, 'Reminder letter 1', 'Reminder – overdue invoices'," \
  "'[[SALUTATION]]\n\n" \
  "According to our records, your account shows an overdue balance of [[OVERDUE]] today, made up of the following invoices:\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Please settle this amount within [[DEADLINE_DAYS]] days, that is by [[DEADLINE]] at the latest, by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "If a difficulty or a dispute explains this delay, please contact [[AGENT_NAME]] ([[AGENT_EMAIL]]) without delay so that we can find a solution.\n\n" \
  "If your payment has reached us in the meantime, please disregard this letter.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_reminder_2', 'fr', 'letter', 2, 'Courrier de relance 2', 'Second rappel – retard de paiement'," \
  "'[[SALUTATION]]\n\n" \
  "Nos précédentes relances sont restées sans effet : les factures ci-dessous demeurent impayées, pour un montant échu de [[OVERDUE]], la plus ancienne depuis le [[OLDEST_DUE_DATE]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Nous vous demandons de procéder au règlement intégral de cette somme au plus tard le [[DEADLINE]], par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "Nous vous rappelons que tout retard de paiement entraîne de plein droit l’application de pénalités de retard au taux de [[INTEREST_RATE]] et d’une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (articles L441-10 et D441-5 du Code de commerce).\n\n" \
  "À défaut de règlement dans ce délai, nous serons contraints de vous adresser une mise en demeure et d’engager le recouvrement judiciaire de notre créance.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_reminder_2', 'en', 'letter', 2, 'Reminder letter 2', 'Second reminder – late payment'," \
  "'[[SALUTATION]]\n\n" \
  "Our previous reminders have had no effect: the invoices below remain unpaid, for an overdue amount of [[OVERDUE]], the oldest since [[OLDEST_DUE_DATE]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "We require full payment of this amount by [[DEADLINE]] at the latest, by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "We remind you that any late payment automatically bears late-payment penalties at the rate of [[INTEREST_RATE]] and a fixed recovery indemnity of 40 € per invoice (articles L441-10 and D441-5 of the French Commercial Code).\n\n" \
  "Failing payment by that date, we will have no choice but to send you a formal notice and to recover our claim through the courts.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_consumer_1', 'fr', 'letter', 1, 'Courrier de relance particulier 1', 'Relance – somme restant due'," \
  "'[[SALUTATION]]\n\n" \
  "Sauf erreur de notre part, nous n’avons pas reçu le règlement des sommes suivantes, échues, pour un total de [[OVERDUE]] :\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Nous vous remercions de bien vouloir régulariser votre situation avant le [[DEADLINE]], par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "Si vous rencontrez des difficultés de paiement, n’hésitez pas à nous appeler au [[COMPANY_PHONE]] : nous pourrons examiner ensemble un échéancier adapté à votre situation.\n\n" \
  "Si vous avez effectué ce paiement entre-temps, merci de ne pas tenir compte de ce courrier.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_consumer_1', 'en', 'letter', 1, 'Consumer reminder letter 1', 'Reminder – amount outstanding'," \
  "'[[SALUTATION]]\n\n" \
  "Unless we are mistaken, we have not received payment of the following amounts, now due, for a total of [[OVERDUE]]:\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "We would be grateful if you could settle this amount before [[DEADLINE]], by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "If you are having difficulty paying, please call us on [[COMPANY_PHONE]]: we can look together at a payment schedule suited to your situation.\n\n" \
  "If you have made this payment in the meantime, please disregard this letter.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_consumer_2', 'fr', 'letter', 2, 'Courrier de relance particulier 2', 'Dernier rappel avant mise en demeure'," \
  "'[[SALUTATION]]\n\n" \
  "Malgré notre précédent courrier, la somme de [[OVERDUE]] reste impayée, la plus ancienne échéance remontant au [[OLDEST_DUE_DATE]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Nous vous demandons de régler cette somme au plus tard le [[DEADLINE]], par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "À défaut, nous vous adresserons une mise en demeure par lettre recommandée ; les sommes dues porteront alors intérêts au taux légal (article 1344-1 du Code civil). Si vous ne pouvez pas régler la totalité en une fois, appelez-nous dès maintenant au [[COMPANY_PHONE]] pour convenir d’un plan de règlement.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'letter_consumer_2', 'en', 'letter', 2, 'Consumer reminder letter 2', 'Final reminder before formal notice'," \
  "'[[SALUTATION]]\n\n" \
  "Despite our previous letter, the amount of [[OVERDUE]] remains unpaid, the oldest instalment having fallen due on [[OLDEST_DUE_DATE]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Please pay this amount by [[DEADLINE]] at the latest, by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "Otherwise we will send you a formal notice by registered letter, from which the amounts due will bear interest at the legal rate (article 1344-1 of the French Civil Code). If you cannot pay the whole amount at once, call us now on [[COMPANY_PHONE]] to agree on a payment plan.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'formal_notice', 'fr', 'notice', 3, 'Mise en demeure', 'Mise en demeure de payer – Lettre recommandée avec accusé de réception'," \
  "'[[SALUTATION]]\n\n" \
  "Malgré nos relances restées sans effet, vous restez redevable envers [[COMPANY_NAME]] des factures suivantes, échues et impayées à ce jour :\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Par la présente lettre recommandée avec accusé de réception, valant mise en demeure au sens des articles 1344 et suivants du Code civil, nous vous mettons en demeure de nous régler la somme de [[TOTAL_CLAIMED]], détaillée ci-dessous, dans un délai de [[DEADLINE_DAYS]] jours, soit au plus tard le [[DEADLINE]].\n\n" \
  "[[BREAKDOWN_TABLE]]\n\n" \
  "Cette somme comprend les pénalités de retard calculées au taux de [[INTEREST_RATE]] et l’indemnité forfaitaire pour frais de recouvrement de 40 € par facture payée en retard, dues de plein droit en application des articles L441-10 et D441-5 du Code de commerce. Conformément à l’article 1344-1 du Code civil, la présente mise en demeure fait courir les intérêts moratoires.\n\n" \
  "Le règlement peut être effectué par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "À défaut de paiement intégral dans ce délai, nous saisirons sans autre avis le [[COURT]] d’une requête en injonction de payer, sans préjudice de toute autre action, les frais de procédure venant s’ajouter aux sommes réclamées.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'formal_notice', 'en', 'notice', 3, 'Formal notice', 'Formal notice to pay – Registered letter with acknowledgement of receipt'," \
  "'[[SALUTATION]]\n\n" \
  "Despite our reminders, which have remained unanswered, you still owe [[COMPANY_NAME]] the following invoices, due and unpaid to date:\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "By this registered letter with acknowledgement of receipt, which constitutes a formal notice (mise en demeure) within the meaning of articles 1344 et seq. of the French Civil Code, we give you formal notice to pay the sum of [[TOTAL_CLAIMED]], detailed below, within [[DEADLINE_DAYS]] days, that is by [[DEADLINE]] at the latest.\n\n" \
  "[[BREAKDOWN_TABLE]]\n\n" \
  "This sum includes late-payment penalties at the rate of [[INTEREST_RATE]] and the fixed recovery indemnity of 40 € per invoice paid late, due by law under articles L441-10 and D441-5 of the French Commercial Code. Under article 1344-1 of the French Civil Code, this formal notice starts the running of default interest.\n\n" \
  "Payment can be made by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "Failing full payment within this period, we will apply without further notice to the [[COURT]] for an order for payment (injonction de payer), without prejudice to any other action, the costs of the proceedings being added to the sums claimed.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'formal_notice_consumer', 'fr', 'notice', 3, 'Mise en demeure particulier', 'Mise en demeure de payer – Lettre recommandée avec accusé de réception'," \
  "'[[SALUTATION]]\n\n" \
  "Malgré nos courriers de relance, vous restez redevable envers [[COMPANY_NAME]] des sommes suivantes, échues et impayées à ce jour :\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Par la présente lettre recommandée avec accusé de réception, nous vous mettons en demeure, conformément à l’article 1344 du Code civil, de nous régler la somme de [[TOTAL_CLAIMED]], détaillée ci-dessous, au plus tard le [[DEADLINE]], soit dans un délai de [[DEADLINE_DAYS]] jours.\n\n" \
  "[[BREAKDOWN_TABLE]]\n\n" \
  "À compter de la présente mise en demeure, les sommes dues porteront intérêts au taux légal ([[INTEREST_RATE]]), en application de l’article 1344-1 du Code civil.\n\n" \
  "Le règlement peut être effectué par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]]. Si vous rencontrez des difficultés, contactez-nous au [[COMPANY_PHONE]] avant cette date afin de convenir d’un plan de règlement.\n\n" \
  "À défaut de paiement ou d’accord dans ce délai, nous engagerons une procédure d’injonction de payer devant le tribunal judiciaire compétent.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'formal_notice_consumer', 'en', 'notice', 3, 'Consumer formal notice', 'Formal notice to pay – Registered letter with acknowledgement of receipt'," \
  "'[[SALUTATION]]\n\n" \
  "Despite our reminder letters, you still owe [[COMPANY_NAME]] the following amounts, due and unpaid to date:\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "By this registered letter with acknowledgement of receipt, we give you formal notice, under article 1344 of the French Civil Code, to pay the sum of [[TOTAL_CLAIMED]], detailed below, by [[DEADLINE]] at the latest, that is within [[DEADLINE_DAYS]] days.\n\n" \
  "[[BREAKDOWN_TABLE]]\n\n" \
  "From this formal notice, the amounts due bear interest at the legal rate ([[INTEREST_RATE]]), under article 1344-1 of the French Civil Code.\n\n" \
  "Payment can be made by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]]. If you are having difficulty, contact us on [[COMPANY_PHONE]] before that date to agree on a payment plan.\n\n" \
  "Failing payment or agreement within this period, we will apply for an order for payment (injonction de payer) to the competent civil court (tribunal judiciaire).\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'litigation_transfer', 'fr', 'letter', 5, 'Transmission au contentieux', 'Transmission de votre dossier au service contentieux – Lettre recommandée avec accusé de réception'," \
  "'[[SALUTATION]]\n\n" \
  "Notre mise en demeure est restée sans effet : à ce jour, les factures ci-dessous demeurent impayées, pour un montant total réclamé de [[TOTAL_CLAIMED]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Nous vous informons que votre dossier est transmis ce jour à notre service contentieux, qui présentera au [[COURT]] une requête en injonction de payer pour l’intégralité des sommes dues, intérêts, indemnités et frais compris.\n\n" \
  "Seul un règlement intégral reçu avant le [[DEADLINE]], par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]], nous permettrait d’arrêter cette procédure.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'litigation_transfer', 'en', 'letter', 5, 'Transfer to litigation', 'Transfer of your file to our litigation department – Registered letter with acknowledgement of receipt'," \
  "'[[SALUTATION]]\n\n" \
  "Our formal notice has had no effect: to date, the invoices below remain unpaid, for a total amount claimed of [[TOTAL_CLAIMED]].\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "We inform you that your file is transferred today to our litigation department, which will apply to the [[COURT]] for an order for payment (injonction de payer) for all sums due, including interest, indemnities and costs.\n\n" \
  "Only full payment received before [[DEADLINE]], by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]], would allow us to stop these proceedings.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'litigation_transfer_consumer', 'fr', 'letter', 5, 'Transmission au contentieux particulier', 'Transmission de votre dossier au service contentieux – Lettre recommandée avec accusé de réception'," \
  "'[[SALUTATION]]\n\n" \
  "Notre mise en demeure est restée sans réponse : à ce jour, vous restez redevable de la somme de [[TOTAL_CLAIMED]] au titre des factures suivantes.\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Votre dossier est transmis ce jour à notre service contentieux, qui engagera une procédure d’injonction de payer devant le tribunal judiciaire compétent. Une fois la décision obtenue, son exécution pourra être confiée à un commissaire de justice.\n\n" \
  "Vous pouvez encore éviter cette procédure en réglant la totalité de la somme avant le [[DEADLINE]], par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]], ou en nous appelant au [[COMPANY_PHONE]] pour convenir d’un plan de règlement.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'litigation_transfer_consumer', 'en', 'letter', 5, 'Consumer transfer to litigation', 'Transfer of your file to our litigation department – Registered letter with acknowledgement of receipt'," \
  "'[[SALUTATION]]\n\n" \
  "Our formal notice has remained unanswered: to date, you still owe the sum of [[TOTAL_CLAIMED]] for the following invoices.\n\n" \
  "[[INVOICE_TABLE]]\n\n" \
  "Your file is transferred today to our litigation department, which will apply for an order for payment (injonction de payer) to the competent civil court (tribunal judiciaire). Once the order is obtained, its enforcement may be entrusted to a judicial officer (commissaire de justice).\n\n" \
  "You can still avoid these proceedings by paying the whole sum before [[DEADLINE]], by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]], or by calling us on [[COMPANY_PHONE]] to agree on a payment plan.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'statement', 'fr', 'statement', NULL, 'Relevé de compte', 'Relevé de compte au [[TODAY]]'," \
  "'[[SALUTATION]]\n\n" \
  "Veuillez trouver ci-dessous le relevé de votre compte client [[CUSTOMER_CODE]] au [[TODAY]].\n\n" \
  "[[STATEMENT_TABLE]]\n\n" \
  "Votre encours s’élève à [[OUTSTANDING]], dont [[OVERDUE]] échus ; les règlements non encore imputés ([[UNALLOCATED]]) en sont déduits. Nous vous remercions de nous signaler toute différence avec votre comptabilité et de régler les sommes échues.\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'statement', 'en', 'statement', NULL, 'Account statement', 'Statement of account at [[TODAY]]'," \
  "'[[SALUTATION]]\n\n" \
  "Please find below the statement of your customer account [[CUSTOMER_CODE]] at [[TODAY]].\n\n" \
  "[[STATEMENT_TABLE]]\n\n" \
  "Your balance stands at [[OUTSTANDING]], of which [[OVERDUE]] is overdue; payments not yet allocated ([[UNALLOCATED]]) have been deducted. Please let us know of any difference with your own records and settle the overdue amounts.\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'interest_statement', 'fr', 'interest', NULL, 'Décompte des pénalités de retard', 'Décompte des pénalités de retard et indemnités forfaitaires'," \
  "'[[SALUTATION]]\n\n" \
  "Les factures ci-dessous ont été réglées après leur échéance ou restent impayées. En application de l’article L441-10 du Code de commerce, elles portent de plein droit des pénalités de retard au taux de [[INTEREST_RATE]], ainsi qu’une indemnité forfaitaire pour frais de recouvrement de 40 € chacune (article D441-5).\n\n" \
  "[[INTEREST_TABLE]]\n\n" \
  "Les pénalités s’élèvent à [[INTEREST]] et les indemnités à [[INDEMNITY]]. Nous vous remercions d’en effectuer le règlement avant le [[DEADLINE]], par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'interest_statement', 'en', 'interest', NULL, 'Late-payment interest statement', 'Statement of late-payment penalties and fixed indemnities'," \
  "'[[SALUTATION]]\n\n" \
  "The invoices below were paid after their due date or remain unpaid. Under article L441-10 of the French Commercial Code, they bear late-payment penalties by law at the rate of [[INTEREST_RATE]], and a fixed recovery indemnity of 40 € each (article D441-5).\n\n" \
  "[[INTEREST_TABLE]]\n\n" \
  "The penalties amount to [[INTEREST]] and the indemnities to [[INDEMNITY]]. Please settle them before [[DEADLINE]], by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'payment_plan', 'fr', 'plan', NULL, 'Confirmation de plan de règlement', 'Confirmation de votre plan de règlement'," \
  "'[[SALUTATION]]\n\n" \
  "Nous vous confirmons l’accord intervenu pour le règlement de la somme de [[PROMISE_TOTAL]] en [[N_INSTALMENTS]] échéances, la première le [[PROMISE_FIRST_DATE]], selon l’échéancier suivant :\n\n" \
  "[[PLAN_TABLE]]\n\n" \
  "Tant que les échéances sont honorées aux dates convenues, nous suspendons toute action de recouvrement. À défaut de paiement d’une seule échéance à sa date, la totalité des sommes restant dues deviendra immédiatement exigible, sans autre formalité.\n\n" \
  "Les paiements peuvent être effectués par virement sur notre compte IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], en rappelant la référence [[CUSTOMER_CODE]], ou par chèque à l’ordre de [[COMPANY_NAME]].\n\n" \
  "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'payment_plan', 'en', 'plan', NULL, 'Payment plan confirmation', 'Confirmation of your payment plan'," \
  "'[[SALUTATION]]\n\n" \
  "We confirm our agreement for the payment of [[PROMISE_TOTAL]] in [[N_INSTALMENTS]] instalments, the first on [[PROMISE_FIRST_DATE]], according to the following schedule:\n\n" \
  "[[PLAN_TABLE]]\n\n" \
  "As long as the instalments are paid on the agreed dates, we suspend all collection action. Should a single instalment remain unpaid on its date, the whole balance will become due immediately, without further formality.\n\n" \
  "Payments can be made by bank transfer to our account IBAN [[COMPANY_IBAN]], BIC [[COMPANY_BIC]], quoting the reference [[CUSTOMER_CODE]], or by cheque payable to [[COMPANY_NAME]].\n\n" \
  "Yours faithfully,'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_courtesy', 'fr', 'email', 0, 'Courriel de courtoisie', '[[COMPANY_NAME]] – rappel d’échéance'," \
  "'[[SALUTATION]]\n\n" \
  "Nous nous permettons de vous rappeler que plusieurs de nos factures arrivent prochainement à échéance ; votre encours s’élève à ce jour à [[OUTSTANDING]].\n\n" \
  "Nous vous remercions de veiller à leur règlement à bonne date, par virement sur notre compte IBAN [[COMPANY_IBAN]] (BIC [[COMPANY_BIC]]). Si une facture vous semble incorrecte, répondez simplement à ce message : nous la vérifierons sans délai.\n\n" \
  "Bien cordialement,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_courtesy', 'en', 'email', 0, 'Courtesy email', '[[COMPANY_NAME]] – payment due soon'," \
  "'[[SALUTATION]]\n\n" \
  "We would like to remind you that several of our invoices will soon fall due; your balance currently stands at [[OUTSTANDING]].\n\n" \
  "We would be grateful if you could arrange for their payment on time, by bank transfer to our account IBAN [[COMPANY_IBAN]] (BIC [[COMPANY_BIC]]). If an invoice seems wrong to you, simply reply to this message and we will check it at once.\n\n" \
  "Kind regards,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_statement', 'fr', 'email', 1, 'Courriel avec relevé de compte', 'Relevé de compte [[CUSTOMER_CODE]] au [[TODAY]]'," \
  "'[[SALUTATION]]\n\n" \
  "Vous trouverez ci-joint le relevé de votre compte au [[TODAY]]. Il fait apparaître un encours de [[OUTSTANDING]], dont [[OVERDUE]] échus sur [[N_INVOICES]] facture(s).\n\n" \
  "Nous vous remercions de bien vouloir régler les sommes échues dans les meilleurs délais, ou de nous indiquer par retour de courriel toute facture qui ferait l’objet d’une contestation.\n\n" \
  "Bien cordialement,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_statement', 'en', 'email', 1, 'Email with account statement', 'Statement of account [[CUSTOMER_CODE]] at [[TODAY]]'," \
  "'[[SALUTATION]]\n\n" \
  "Please find attached the statement of your account at [[TODAY]]. It shows a balance of [[OUTSTANDING]], of which [[OVERDUE]] is overdue on [[N_INVOICES]] invoice(s).\n\n" \
  "We would be grateful if you could settle the overdue amounts promptly, or tell us by return email of any invoice you dispute.\n\n" \
  "Kind regards,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_reminder', 'fr', 'email', 1, 'Courriel de relance', 'Relance – factures échues impayées'," \
  "'[[SALUTATION]]\n\n" \
  "Vous trouverez ci-joint notre courrier de relance concernant les factures échues restant impayées, pour un montant de [[OVERDUE]], la plus ancienne depuis le [[OLDEST_DUE_DATE]].\n\n" \
  "Nous vous remercions de procéder à leur règlement avant le [[DEADLINE]]. Si votre paiement est en cours, merci de nous en indiquer la date par retour de courriel.\n\n" \
  "Bien cordialement,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_reminder', 'en', 'email', 1, 'Reminder email', 'Reminder – overdue invoices'," \
  "'[[SALUTATION]]\n\n" \
  "Please find attached our reminder letter about the overdue invoices that remain unpaid, for an amount of [[OVERDUE]], the oldest since [[OLDEST_DUE_DATE]].\n\n" \
  "Please settle them before [[DEADLINE]]. If your payment is on its way, kindly let us know its date by return email.\n\n" \
  "Kind regards,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_formal_notice', 'fr', 'email', 3, 'Courriel de mise en demeure', 'Mise en demeure – [[CUSTOMER_NAME]]'," \
  "'[[SALUTATION]]\n\n" \
  "Vous trouverez ci-joint copie de la mise en demeure qui vous est adressée ce jour par lettre recommandée avec accusé de réception, pour un montant de [[TOTAL_CLAIMED]] à régler au plus tard le [[DEADLINE]].\n\n" \
  "À défaut de règlement dans ce délai, nous saisirons la juridiction compétente sans autre avis.\n\n" \
  "Bien cordialement,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'email_formal_notice', 'en', 'email', 3, 'Formal notice email', 'Formal notice – [[CUSTOMER_NAME]]'," \
  "'[[SALUTATION]]\n\n" \
  "Please find attached a copy of the formal notice sent to you today by registered letter with acknowledgement of receipt, for an amount of [[TOTAL_CLAIMED]] to be paid by [[DEADLINE]] at the latest.\n\n" \
  "Failing payment within this period, we will refer the matter to the competent court without further notice.\n\n" \
  "Kind regards,\n\n" \
  "[[AGENT_NAME]]\n[[COMPANY_NAME]]\n[[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'sms_courtesy', 'fr', 'sms', 0, 'SMS de courtoisie', ''," \
  "'[[COMPANY_NAME]] : votre échéance approche, encours [[OUTSTANDING]]. Merci de votre règlement. Infos : [[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'sms_courtesy', 'en', 'sms', 0, 'Courtesy SMS', ''," \
  "'[[COMPANY_NAME]]: a payment is due soon, balance [[OUTSTANDING]]. Thank you for paying on time. Help: [[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'sms_reminder', 'fr', 'sms', 1, 'SMS de rappel', ''," \
  "'[[COMPANY_NAME]] : [[OVERDUE]] restent impayés depuis le [[OLDEST_DUE_DATE]]. Merci de régulariser ou d’appeler le [[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');" \
  "INSERT INTO template (code, language, kind, level, name, subject, body, active, updated_at, updated_by) VALUES (" \
  "'sms_reminder', 'en', 'sms', 1, 'Reminder SMS', ''," \
  "'[[COMPANY_NAME]]: [[OVERDUE]] unpaid since [[OLDEST_DUE_DATE]]. Please pay or call [[COMPANY_PHONE]]'" \
  ", 1, '2026-01-01T00:00:00Z', 'relance');"
