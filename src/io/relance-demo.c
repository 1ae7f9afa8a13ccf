/* relance-demo.c — a generated, realistic French portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything comes from one GRand seeded by the caller and drawn in a
 * fixed order, with integer arithmetic (and the correctly rounded basic
 * operations of doubles), so that the same seed, size and day give the
 * same data on any machine. Creation timestamps are the only difference.
 *
 * The portfolio is made so that every figure of the customer card and
 * every bucket of the aged balance has something in it: good payers pay
 * on time, chronic late payers 30 to 120 days late, partial payers leave
 * balances, defaulting customers stop paying months ago (the "over 120"
 * bucket), recent invoices are not due yet, some payments are left
 * unallocated, and a few recovery fees are open.
 *
 * A credit note for part of an invoice is applied to that invoice
 * (imputation d'avoir), and the customer pays the invoice net of it, as
 * in a real ledger; only those of invoices not due yet are left open, to
 * be used. Left open, every one of them would stand as a negative overdue
 * amount beside invoices paid in full.
 */
#define G_LOG_DOMAIN "relance-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-bulk-store.h"
#include "relance-demo.h"

typedef enum
{
  SEGMENT_LARGE,
  SEGMENT_SME,
  SEGMENT_VERY_SMALL,
  SEGMENT_PUBLIC,
  SEGMENT_CONSUMER,
  N_SEGMENTS
} Segment;

typedef enum
{
  PAYER_GOOD,
  PAYER_LATE,
  PAYER_PARTIAL,
  PAYER_DEFAULTING,
} Payer;

typedef struct
{
  const char *name;
  guint       per_mille;        /* share of the customers */
  int         interval_days;    /* mean days between two invoices */
  gint64      min_net_cents;    /* invoice amount before tax */
  gint64      max_net_cents;
  gint64      min_limit_cents;  /* credit limit, −1 for none */
  gint64      max_limit_cents;
  gint64      limit_step_cents;
  guint       payer_per_mille[4]; /* good, late, partial, defaulting */
} SegmentSpec;

/* The intervals give about ten invoices per customer over 24 months:
 * 5 % × 49 + 32 % × 15 + 43 % × 5.6 + 10 % × 7.3 + 10 % × 3 ≈ 10. */
static const SegmentSpec segments[N_SEGMENTS] = {
  [SEGMENT_LARGE] = { "Grand compte", 50, 15, 200000, 6000000,
                      20000000, 100000000, 1000000, { 650, 250, 80, 20 } },
  [SEGMENT_SME] = { "PME", 320, 48, 30000, 900000,
                    2000000, 10000000, 500000, { 550, 200, 150, 100 } },
  [SEGMENT_VERY_SMALL] = { "TPE", 430, 130, 8000, 250000,
                           300000, 1500000, 100000, { 550, 200, 150, 100 } },
  [SEGMENT_PUBLIC] = { "Secteur public", 100, 100, 50000, 2000000,
                       -1, -1, 0, { 350, 600, 50, 0 } },
  [SEGMENT_CONSUMER] = { "Particuliers", 100, 240, 3000, 90000,
                         100000, 300000, 50000, { 600, 200, 100, 100 } },
};

static const char * const family_names[] = {
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
  "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel",
  "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
  "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet",
  "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau",
  "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
  "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
  "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer",
  "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy",
  "Noël", "Meyer", "Lucas", "Meunier", "Pérez", "Marchand", "Dufour",
  "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux",
  "Colin", "Fernandez", "Renard", "Arnaud", "Rolland", "Caron", "Aubert",
  "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard",
  "Gaillard", "Lacroix", "Fabre", "Dupuis", "Olivier", "Da Silva", "Hubert",
  "Rivière", "Le Gall", "Guillaume", "Moulin", "Berger", "Lecomte", "Ménard",
  "Fleury", "Deschamps", "Carpentier", "Benoît", "Maillard", "Aubry",
  "Vasseur", "Le Roux", "Jacquet", "Prévost", "Poirier", "Charpentier",
  "Huet", "Baron", "Dupuy", "Carré", "Bréchet", "Lebœuf", "Hébert",
};

static const char * const male_first_names[] = {
  "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Julien",
  "Thomas", "Antoine", "François", "Sébastien", "Stéphane", "Laurent",
  "Olivier", "Jérôme", "Frédéric", "Éric", "Benoît", "Hervé", "Loïc",
  "Maxime", "Hugo", "Théo", "Grégoire", "Rémi", "Cédric", "Mathéo",
};

static const char * const female_first_names[] = {
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie",
  "Christine", "Céline", "Émilie", "Camille", "Julie", "Aurélie", "Hélène",
  "Chloé", "Léa", "Manon", "Valérie", "Sandrine", "Véronique", "Agnès",
  "Anaïs", "Clémence", "Inès", "Noémie", "Joséphine", "Maëlle", "Zoé",
};

/* A name is made of the text before a family name (or a city) and the
 * text after it; two-name patterns have a text between both names. */
typedef struct
{
  const char *before;
  const char *after;
} Pattern;

typedef struct
{
  const char *before;
  const char *between;
  const char *after;
} Pattern2;

static const Pattern company_patterns[] = {
  { "", " et Fils" }, { "", " S.A.S." }, { "", " SARL" },
  { "Transports ", "" }, { "Boulangerie ", " SARL" }, { "Garage ", "" },
  { "Établissements ", "" }, { "", " Frères" }, { "Menuiserie ", "" },
  { "Pharmacie ", "" }, { "Cabinet ", "" }, { "Imprimerie ", "" },
  { "Boucherie ", "" }, { "Électricité ", "" }, { "Plomberie ", " et Fils" },
  { "Hôtel ", "" }, { "", " Bâtiment" }, { "Atelier ", "" },
  { "Domaine ", "" }, { "Fromagerie ", "" }, { "", " Conseil" },
  { "Maçonnerie ", "" }, { "Charcuterie ", "" }, { "Pâtisserie ", "" },
  { "Serrurerie ", "" },
};

static const Pattern2 two_name_patterns[] = {
  { "", " & ", "" }, { "", "-", " Associés" }, { "Cabinet ", " et ", "" },
};

static const Pattern large_patterns[] = {
  { "Groupe ", "" }, { "", " Industries S.A." }, { "", " Distribution S.A." },
  { "Compagnie ", "" }, { "Laboratoires ", "" }, { "", " Logistique S.A.S." },
  { "Société Générale des Transports ", "" }, { "", " Agroalimentaire S.A." },
};

/* Before "de Nantes", "d’Angers", "du Havre" */
static const char * const public_bodies[] = {
  "Commune", "Centre hospitalier", "Communauté d’agglomération",
  "Syndicat des eaux", "Office public de l’habitat",
};

/* "Lycée Victor Hugo de Nantes" */
static const char * const school_names[] = {
  "Victor Hugo", "Jules Ferry", "Jean Moulin", "Marie Curie", "Louis Pasteur",
  "Jean Jaurès", "Simone Veil", "Albert Camus",
};

static const char * const street_types[] = {
  "rue", "rue", "rue", "rue", "rue", "avenue", "avenue", "boulevard",
  "impasse", "place", "chemin", "allée",
};

static const char * const street_names[] = {
  "Victor Hugo", "Jean Jaurès", "Gambetta", "de la République", "Pasteur",
  "du Général de Gaulle", "Émile Zola", "Voltaire", "de la Gare", "des Lilas",
  "des Tilleuls", "du Moulin", "de l’Église", "des Écoles", "Jules Ferry",
  "de la Liberté", "du Château", "des Acacias", "Sainte-Catherine",
  "Saint-Michel", "du Port", "de Verdun", "Carnot", "Foch", "Jean Moulin",
  "des Peupliers", "de Paris", "de Strasbourg", "Aristide Briand",
  "des Marronniers", "du Stade", "de la Paix", "Condorcet", "Lafayette",
};

/* Real postcode and city pairs, with the first digit of their phone
 * numbers (the zones of the French numbering plan). */
static const struct
{
  const char *postcode;
  const char *city;
  int         zone;
} cities[] = {
  { "75008", "Paris", 1 }, { "75011", "Paris", 1 }, { "75015", "Paris", 1 },
  { "92100", "Boulogne-Billancourt", 1 }, { "78000", "Versailles", 1 },
  { "94000", "Créteil", 1 }, { "93200", "Saint-Denis", 1 },
  { "69002", "Lyon", 4 }, { "69100", "Villeurbanne", 4 },
  { "13001", "Marseille", 4 }, { "13100", "Aix-en-Provence", 4 },
  { "06000", "Nice", 4 }, { "83000", "Toulon", 4 }, { "34000", "Montpellier", 4 },
  { "30000", "Nîmes", 4 }, { "38000", "Grenoble", 4 },
  { "42000", "Saint-Étienne", 4 }, { "74000", "Annecy", 4 },
  { "63000", "Clermont-Ferrand", 4 }, { "66000", "Perpignan", 4 },
  { "20000", "Ajaccio", 4 }, { "31000", "Toulouse", 5 }, { "33000", "Bordeaux", 5 },
  { "64000", "Pau", 5 }, { "87000", "Limoges", 5 }, { "86000", "Poitiers", 5 },
  { "17000", "La Rochelle", 5 }, { "44000", "Nantes", 2 }, { "35000", "Rennes", 2 },
  { "29200", "Brest", 2 }, { "49000", "Angers", 2 }, { "72000", "Le Mans", 2 },
  { "37000", "Tours", 2 }, { "45000", "Orléans", 2 }, { "14000", "Caen", 2 },
  { "76000", "Rouen", 2 }, { "76600", "Le Havre", 2 }, { "59000", "Lille", 3 },
  { "80000", "Amiens", 3 }, { "51100", "Reims", 3 }, { "57000", "Metz", 3 },
  { "54000", "Nancy", 3 }, { "67000", "Strasbourg", 3 }, { "68100", "Mulhouse", 3 },
  { "21000", "Dijon", 3 }, { "25000", "Besançon", 3 },
};

/* The collection team: actor.agent holds a login of app_user. The first
 * agent follows the large accounts, the second the public sector. */
static const struct
{
  const char *login;
  const char *name;
} agents[] = {
  { "arossi", "Alex Rossi" },
  { "claurent", "Camille Laurent" },
  { "smarchand", "Sophie Marchand" },
  { "jbesson", "Julien Besson" },
  { "nhaddad", "Nadia Haddad" },
};

/* The credit manager (the seeds' « Vallet ») */
#define MANAGER_LOGIN "mvallet"
#define MANAGER_NAME "Marie Vallet"

/* Masculine and feminine forms */
static const char * const roles[][2] = {
  { "Comptable", "Comptable" }, { "DAF", "DAF" }, { "Gérant", "Gérante" },
  { "Responsable achats", "Responsable achats" },
};

static const char * const mailboxes[] = {
  "compta", "comptabilite", "factures", "contact", "administration",
};

typedef struct
{
  RelanceDate date;
  gint64      amount_cents;
  gint64      allocated_cents;
} DemoPayment;

/* A credit note for part of an invoice: a price cut, goods sent back.
 * It falls due with its invoice, as an ERP dates a credit note that
 * refers to an invoice. */
typedef struct
{
  RelanceDate date;
  RelanceDate due_date;
  gint64      amount_cents;   /* > 0: what it takes off the invoice */
  gboolean    applied;        /* to its invoice, or left open */
} DemoCredit;

/* Per mille of the invoices that get a credit note */
#define CREDIT_NOTE_PER_MILLE 20

typedef struct
{
  RelanceDatabase   *db;
  GRand             *rand;
  RelanceDate        today;
  RelanceDate        start;
  int                first_year;
  RelanceBulkInsert *bulk;
  gint64             import_id;
  guint              n_customers;
  int                code_width;

  /* Numbering: per year for invoices and credit notes, global for
   * payments */
  guint              invoice_seq[4];
  guint              credit_seq[4];
  guint              payment_seq;

  guint64            n_invoices;
  guint64            n_payments;
} Demo;

typedef struct
{
  gint64       id;
  Segment      segment;
  Payer        payer;
  int          terms;
  RelanceDate  default_day;   /* defaulting payers pay nothing after it */
  char        *slug;
} Customer;

G_DEFINE_QUARK (relance-demo-error-quark, relance_demo_error)

#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])

static int
between (Demo *demo,
         int   low,
         int   high)
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

static gboolean
chance (Demo  *demo,
        guint  per_mille)
{
  return (guint) g_rand_int_range (demo->rand, 0, 1000) < per_mille;
}

static guint
count_digits (guint n)
{
  guint digits = 1;

  while (n >= 10)
    {
      n /= 10;
      digits++;
    }
  return digits;
}

/* The Luhn check digit that makes @digits followed by it a valid number */
static char
luhn_key (const char *digits,
          gsize       n)
{
  int sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      int d = digits[n - 1 - i] - '0';

      /* With the key appended, the last of @digits is second from the
       * right: it and every other one to its left are doubled. */
      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return (char) ('0' + (10 - sum % 10) % 10);
}

/* A SIREN unique to customer @index: the 8-digit bases of the customers
 * are spread over [@low, @high) in order, one stride each. */
static void
make_siren (Demo  *demo,
            guint  index,
            guint  low,
            guint  high,
            char   siren[10])
{
  guint stride = MAX ((high - low) / MAX (demo->n_customers, 1), 1);
  guint base = low + (guint) (((guint64) index * stride) % (high - low)) +
               (guint) g_rand_int_range (demo->rand, 0, (gint32) stride);

  g_snprintf (siren, 10, "%08u", MIN (base, 99999999u));
  siren[8] = luhn_key (siren, 8);
  siren[9] = '\0';
}

static char *
make_siret (Demo       *demo,
            const char *siren)
{
  char siret[15];

  /* The NIC of the head office is often 0001x, others follow */
  g_snprintf (siret, sizeof siret, "%s%04d", siren, between (demo, 1, 40));
  siret[13] = luhn_key (siret, 13);
  siret[14] = '\0';
  return g_strdup (siret);
}

static char *
make_vat (const char *siren)
{
  guint64 number = g_ascii_strtoull (siren, NULL, 10);

  return g_strdup_printf ("FR%02u%s", (guint) ((12 + 3 * (number % 97)) % 97), siren);
}

static char *
make_phone (Demo *demo,
            int   zone)
{
  return g_strdup_printf ("+33 %d %02d %02d %02d %02d", zone, between (demo, 10, 99),
                          between (demo, 0, 99), between (demo, 0, 99), between (demo, 0, 99));
}

static char *
make_mobile (Demo *demo)
{
  return make_phone (demo, chance (demo, 700) ? 6 : 7);
}

/* "Boulangerie Moreau SARL" → "boulangerie-moreau-sarl", for the
 * reserved example domains of e-mail addresses */
static char *
make_slug (const char *text,
           gsize       max_len)
{
  g_autofree char *folded = relance_fold_for_search (text);
  GString *slug = g_string_new (NULL);

  for (const char *p = folded; *p && slug->len < max_len; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, *p);
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "client");
  return g_string_free (slug, FALSE);
}

static Segment
pick_segment (Demo *demo)
{
  guint roll = (guint) g_rand_int_range (demo->rand, 0, 1000);

  for (guint i = 0; i < N_SEGMENTS; i++)
    {
      if (roll < segments[i].per_mille)
        return (Segment) i;
      roll -= segments[i].per_mille;
    }
  return SEGMENT_VERY_SMALL;
}

static Payer
pick_payer (Demo    *demo,
            Segment  segment)
{
  guint roll = (guint) g_rand_int_range (demo->rand, 0, 1000);

  for (guint i = 0; i < 4; i++)
    {
      if (roll < segments[segment].payer_per_mille[i])
        return (Payer) i;
      roll -= segments[segment].payer_per_mille[i];
    }
  return PAYER_GOOD;
}

static char *
fill_pattern (const Pattern *pattern,
              const char    *name)
{
  return g_strconcat (pattern->before, name, pattern->after, NULL);
}

/* "de Nantes", "d’Angers", "du Havre", "de La Rochelle" */
static char *
of_city (const char *city)
{
  gunichar first = g_unichar_tolower (g_utf8_get_char (city));

  if (g_str_has_prefix (city, "Le "))
    return g_strconcat ("du ", city + 3, NULL);
  if (strchr ("aeiouy", (int) first) != NULL || first == 0xe9 /* é */)
    return g_strconcat ("d’", city, NULL);
  return g_strconcat ("de ", city, NULL);
}

static char *
make_company_name (Demo    *demo,
                   Segment  segment,
                   guint    city)
{
  const char *family = PICK (demo, family_names);

  switch (segment)
    {
    case SEGMENT_LARGE:
      return fill_pattern (&PICK (demo, large_patterns), family);
    case SEGMENT_PUBLIC:
      {
        g_autofree char *place = of_city (cities[city].city);

        if (chance (demo, 250))
          return g_strdup_printf ("%s %s %s", chance (demo, 500) ? "Lycée" : "Collège",
                                  PICK (demo, school_names), place);
        return g_strdup_printf ("%s %s", PICK (demo, public_bodies), place);
      }
    case SEGMENT_SME:
    case SEGMENT_VERY_SMALL:
    case SEGMENT_CONSUMER:
    case N_SEGMENTS:
    default:
      if (chance (demo, 120))
        {
          const Pattern2 *pattern = &PICK (demo, two_name_patterns);
          const char *other = PICK (demo, family_names);

          return g_strconcat (pattern->before, family, pattern->between, other,
                              pattern->after, NULL);
        }
      return fill_pattern (&PICK (demo, company_patterns), family);
    }
}

static char *
make_address (Demo *demo)
{
  const char *type = PICK (demo, street_types);
  const char *name = PICK (demo, street_names);
  int number = between (demo, 1, 180);

  if (strcmp (type, "place") == 0 || strcmp (type, "impasse") == 0)
    number = between (demo, 1, 20);
  if (chance (demo, 60))
    return g_strdup_printf ("%d bis %s %s", number, type, name);
  return g_strdup_printf ("%d %s %s", number, type, name);
}

static gint64
round_to (gint64 cents,
          gint64 step)
{
  return step > 0 ? (cents / step) * step : cents;
}

static gint64
random_amount (Demo   *demo,
               gint64  low,
               gint64  high)
{
  /* Squared uniform: many small amounts, a few large ones */
  double u = g_rand_double (demo->rand);

  return low + (gint64) ((double) (high - low) * u * u);
}

static gboolean
insert_contact (Demo        *demo,
                Customer    *customer,
                gboolean     female,
                const char  *first,
                const char  *last,
                const char  *role,
                const char  *phone,
                gboolean     dunning,
                GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s %s", first, last);
  g_autofree char *local = make_slug (name, 40);
  g_autofree char *email = NULL;
  g_autofree char *mobile = NULL;
  g_autoptr(RelanceContact) contact = NULL;

  /* "jean-dupont" → "jean.dupont" */
  for (char *p = local; *p; p++)
    if (*p == '-')
      *p = '.';
  if (customer->segment == SEGMENT_CONSUMER)
    email = g_strdup_printf ("%s@example.org", local);
  else
    email = g_strdup_printf ("%s@%s.example.com", local, customer->slug);

  contact = relance_contact_new (customer->id, name);
  relance_contact_set_title (contact, female ? "Mme" : "M.");
  relance_contact_set_role (contact, role);
  relance_contact_set_email (contact, email);
  relance_contact_set_phone (contact, phone);
  if (chance (demo, 600))
    {
      mobile = make_mobile (demo);
      relance_contact_set_mobile (contact, mobile);
    }
  relance_contact_set_language (contact, "fr");
  relance_contact_set_dunning (contact, dunning);
  return relance_bulk_insert_contact (demo->bulk, contact, error) != 0;
}

static gboolean
insert_customer (Demo      *demo,
                 guint      index,
                 Customer  *customer,
                 GError   **error)
{
  g_autoptr(RelanceActor) actor = NULL;
  g_autofree char *code = g_strdup_printf ("C%0*u", demo->code_width, index + 1);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  const SegmentSpec *spec;
  guint city = (guint) g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (cities));
  gboolean female = FALSE;
  const char *first = NULL;
  const char *last = NULL;
  static const int terms_choices[] = { 30, 45, 60 };

  customer->segment = pick_segment (demo);
  spec = &segments[customer->segment];
  customer->payer = pick_payer (demo, customer->segment);

  switch (customer->segment)
    {
    case SEGMENT_LARGE:
      customer->terms = 60;
      break;
    case SEGMENT_PUBLIC:
    case SEGMENT_CONSUMER:
      customer->terms = 30;
      break;
    case SEGMENT_SME:
    case SEGMENT_VERY_SMALL:
    case N_SEGMENTS:
    default:
      customer->terms = PICK (demo, terms_choices);
      break;
    }
  customer->default_day = demo->today - between (demo, 90, 420);

  if (customer->segment == SEGMENT_CONSUMER)
    {
      female = chance (demo, 500);
      first = female ? PICK (demo, female_first_names) : PICK (demo, male_first_names);
      last = PICK (demo, family_names);
      name = g_strdup_printf ("%s %s", first, last);
    }
  else
    name = make_company_name (demo, customer->segment, city);

  customer->slug = make_slug (name, 30);
  actor = relance_actor_new (code, name);
  g_object_freeze_notify (G_OBJECT (actor));
  relance_actor_set_kind (actor, customer->segment == SEGMENT_CONSUMER
                                   ? RELANCE_ACTOR_KIND_PERSON : RELANCE_ACTOR_KIND_COMPANY);

  if (customer->segment != SEGMENT_CONSUMER)
    {
      char siren[10];
      g_autofree char *siret = NULL;
      g_autofree char *vat = NULL;

      /* Public bodies' SIRENs start with 2, companies' with 3 to 9 */
      if (customer->segment == SEGMENT_PUBLIC)
        make_siren (demo, index, 20000000, 29999999, siren);
      else
        make_siren (demo, index, 30000000, 99999999, siren);
      siret = make_siret (demo, siren);
      vat = make_vat (siren);
      relance_actor_set_siren (actor, siren);
      relance_actor_set_siret (actor, siret);
      relance_actor_set_vat_number (actor, vat);
      email = g_strdup_printf ("%s@%s.%s", PICK (demo, mailboxes), customer->slug,
                               chance (demo, 700) ? "example.com" : "example.org");
      phone = make_phone (demo, cities[city].zone);
    }
  else
    {
      g_autofree char *local = make_slug (name, 40);

      for (char *p = local; *p; p++)
        if (*p == '-')
          *p = '.';
      email = g_strdup_printf ("%s%d@example.org", local, between (demo, 1, 99));
      phone = make_mobile (demo);
    }

  address = make_address (demo);
  relance_actor_set_email (actor, email);
  relance_actor_set_phone (actor, phone);
  relance_actor_set_address (actor, address);
  relance_actor_set_postcode (actor, cities[city].postcode);
  relance_actor_set_city (actor, cities[city].city);
  relance_actor_set_country (actor, "FR");
  relance_actor_set_language (actor, "fr");
  relance_actor_set_segment (actor, spec->name);
  if (customer->segment == SEGMENT_LARGE)
    relance_actor_set_agent (actor, agents[0].login);
  else if (customer->segment == SEGMENT_PUBLIC)
    relance_actor_set_agent (actor, agents[1].login);
  else
    relance_actor_set_agent (actor, agents[between (demo, 2, G_N_ELEMENTS (agents) - 1)].login);
  if (spec->min_limit_cents >= 0)
    relance_actor_set_credit_limit_cents (actor,
                                          round_to (random_amount (demo, spec->min_limit_cents,
                                                                   spec->max_limit_cents),
                                                    spec->limit_step_cents));
  relance_actor_set_payment_terms_days (actor, customer->terms);
  g_object_thaw_notify (G_OBJECT (actor));

  if (!relance_actor_store_insert (demo->db, actor, demo->import_id, error))
    return FALSE;
  customer->id = relance_actor_get_id (actor);

  /* Contacts: the person themselves, or one to three people of whom the
   * first is the one that dunning goes to */
  if (customer->segment == SEGMENT_CONSUMER)
    return insert_contact (demo, customer, female, first, last, NULL, phone, TRUE, error);

  {
    int n_contacts = customer->segment == SEGMENT_VERY_SMALL ? between (demo, 1, 2)
                                                              : between (demo, 1, 3);

    for (int i = 0; i < n_contacts; i++)
      {
        gboolean is_female = chance (demo, 500);
        const char *given = is_female ? PICK (demo, female_first_names)
                                      : PICK (demo, male_first_names);
        const char *family = PICK (demo, family_names);
        const char *role;

        if (i == 0)
          role = customer->segment == SEGMENT_VERY_SMALL ? (is_female ? "Gérante" : "Gérant")
                 : chance (demo, 600) ? "Comptable" : "DAF";
        else
          role = PICK (demo, roles)[is_female ? 1 : 0];
        if (!insert_contact (demo, customer, is_female, given, family, role, phone,
                             i == 0, error))
          return FALSE;
      }
  }
  return TRUE;
}

static int
year_index (Demo        *demo,
            RelanceDate  date)
{
  int year;

  relance_date_get_ymd (date, &year, NULL, NULL);
  return CLAMP (year - demo->first_year, 0, 3);
}

static void
make_number (Demo        *demo,
             gboolean     credit_note,
             RelanceDate  issue_date,
             char        *number,
             gsize        size)
{
  int index = year_index (demo, issue_date);
  guint seq = credit_note ? ++demo->credit_seq[index] : ++demo->invoice_seq[index];

  g_snprintf (number, size, "%s%04d-%06u", credit_note ? "AV" : "FA",
              demo->first_year + index, seq);
}

/* When and how much the customer pays of an invoice: @amount, what it
 * owes net of an applied credit note, not before @not_before (the day
 * after the invoice, or the credit note's day); at most two payments,
 * those after today left out. */
static guint
plan_payments (Demo                    *demo,
               const Customer          *customer,
               const RelanceInvoiceRow *invoice,
               gint64                   amount,
               RelanceDate              not_before,
               DemoPayment              payments[2])
{
  RelanceDate due = invoice->due_date;
  guint n = 0;

  switch (customer->payer)
    {
    case PAYER_GOOD:
      payments[n].date = chance (demo, 850) ? due - between (demo, 0, 10)
                                            : due + between (demo, 1, 15);
      payments[n].amount_cents = amount;
      payments[n++].allocated_cents = amount;
      /* Now and then a transfer a little above the invoice: the
       * difference waits unallocated */
      if (chance (demo, 20))
        payments[0].amount_cents += between (demo, 100, 5000);
      break;

    case PAYER_LATE:
      payments[n].date = chance (demo, 100) ? due - between (demo, 0, 5)
                                            : due + between (demo, 30, 120);
      payments[n].amount_cents = amount;
      payments[n++].allocated_cents = amount;
      break;

    case PAYER_PARTIAL:
      if (chance (demo, 400))
        {
          payments[n].date = due + between (demo, 0, 30);
          payments[n].amount_cents = amount;
          payments[n++].allocated_cents = amount;
        }
      else
        {
          gint64 part = round_to (amount * between (demo, 30, 80) / 100, 100);

          part = CLAMP (part, 1, amount - 1);
          payments[n].date = due + between (demo, 0, 30);
          payments[n].amount_cents = part;
          payments[n++].allocated_cents = part;
          if (chance (demo, 500))
            {
              payments[n].date = due + between (demo, 45, 150);
              payments[n].amount_cents = amount - part;
              payments[n++].allocated_cents = amount - part;
            }
        }
      break;

    case PAYER_DEFAULTING:
    default:
      payments[n].date = due + between (demo, 20, 90);
      payments[n].amount_cents = amount;
      payments[n++].allocated_cents = amount;
      break;
    }

  /* Nobody pays before the invoice is issued, nor the net amount before
   * the credit note; nothing is paid after today, nor by a defaulting
   * customer after it stopped paying. */
  for (guint i = 0; i < n; i++)
    if (payments[i].date < not_before)
      payments[i].date = not_before;
  {
    guint kept = 0;

    for (guint i = 0; i < n; i++)
      {
        if (payments[i].date > demo->today)
          continue;
        if (customer->payer == PAYER_DEFAULTING && payments[i].date > customer->default_day)
          continue;
        payments[kept++] = payments[i];
      }
    n = kept;
  }
  return n;
}

static gint64
insert_payment (Demo              *demo,
                const Customer    *customer,
                const DemoPayment *payment,
                GError           **error)
{
  RelancePaymentRow row = { 0 };
  char reference[32];

  g_snprintf (reference, sizeof reference, "RG-%06u", ++demo->payment_seq);
  row.reference = reference;
  row.actor_id = customer->id;
  row.date = payment->date;
  row.amount_cents = payment->amount_cents;
  row.allocated_cents = payment->allocated_cents;
  memcpy (row.currency, RELANCE_DEFAULT_CURRENCY, 4);
  demo->n_payments++;
  return relance_bulk_insert_payment (demo->bulk, &row, error);
}

/* The credit note of @credit, after its invoice @invoice_id; applied to
 * it, it is used up at once. */
static gboolean
insert_credit_note (Demo              *demo,
                    const Customer    *customer,
                    const DemoCredit  *credit,
                    gint64             invoice_id,
                    GError           **error)
{
  RelanceInvoiceRow row = { 0 };
  char number[32];
  gint64 id;

  make_number (demo, TRUE, credit->date, number, sizeof number);
  row.number = number;
  row.actor_id = customer->id;
  row.kind = RELANCE_INVOICE_KIND_CREDIT_NOTE;
  row.issue_date = credit->date;
  row.due_date = credit->due_date;
  row.amount_cents = -credit->amount_cents;
  row.allocated_cents = credit->applied ? -credit->amount_cents : 0;
  memcpy (row.currency, RELANCE_DEFAULT_CURRENCY, 4);

  id = relance_bulk_insert_invoice (demo->bulk, &row, error);
  if (id == 0)
    return FALSE;
  demo->n_invoices++;
  return !credit->applied ||
         relance_bulk_insert_credit_allocation (demo->bulk, id, invoice_id,
                                                credit->amount_cents, credit->date, error);
}

/* An invoice or a fee, with its payments when @paid, and the credit note
 * of @credit (nullable) after it. */
static gboolean
insert_item (Demo               *demo,
             const Customer     *customer,
             RelanceInvoiceKind  kind,
             RelanceDate         issue_date,
             RelanceDate         due_date,
             gint64              amount_cents,
             gboolean            paid,
             const DemoCredit   *credit,
             GError            **error)
{
  RelanceInvoiceRow row = { 0 };
  DemoPayment payments[2];
  guint n_payments = 0;
  gboolean applied = credit != NULL && credit->applied;
  char number[32];
  gint64 id;

  make_number (demo, FALSE, issue_date, number, sizeof number);
  row.number = number;
  row.actor_id = customer->id;
  row.kind = kind;
  row.issue_date = issue_date;
  row.due_date = due_date;
  row.amount_cents = amount_cents;
  memcpy (row.currency, RELANCE_DEFAULT_CURRENCY, 4);

  /* The customer pays what the credit note leaves */
  if (applied)
    row.allocated_cents = credit->amount_cents;
  if (paid)
    n_payments = plan_payments (demo, customer, &row, amount_cents - row.allocated_cents,
                                applied ? credit->date : issue_date + 1, payments);
  for (guint i = 0; i < n_payments; i++)
    row.allocated_cents += payments[i].allocated_cents;

  id = relance_bulk_insert_invoice (demo->bulk, &row, error);
  if (id == 0)
    return FALSE;
  demo->n_invoices++;

  for (guint i = 0; i < n_payments; i++)
    {
      gint64 payment_id = insert_payment (demo, customer, &payments[i], error);

      if (payment_id == 0 ||
          !relance_bulk_insert_allocation (demo->bulk, payment_id, id,
                                           payments[i].allocated_cents,
                                           payments[i].date, error))
        return FALSE;
    }
  return credit == NULL || insert_credit_note (demo, customer, credit, id, error);
}

/* Whether the invoice of @day, @due and @gross gets a credit note, and
 * which one. It is applied to the invoice, unless the invoice is not due
 * yet: then it is left open, to be taken off when the customer pays
 * (about 1 in 20 of the credit notes, all of them recent). */
static gboolean
plan_credit_note (Demo        *demo,
                  RelanceDate  day,
                  RelanceDate  due,
                  gint64       gross,
                  DemoCredit  *credit)
{
  if (!chance (demo, CREDIT_NOTE_PER_MILLE))
    return FALSE;
  credit->date = day + between (demo, 3, 20);
  credit->due_date = MAX (due, credit->date);
  credit->amount_cents = round_to (gross * between (demo, 10, 50) / 100, 100);
  if (credit->date > demo->today || credit->amount_cents <= 0)
    return FALSE;
  credit->applied = due <= demo->today;
  return TRUE;
}

static gboolean
insert_invoices (Demo      *demo,
                 Customer  *customer,
                 GError   **error)
{
  const SegmentSpec *spec = &segments[customer->segment];
  int interval = spec->interval_days;
  RelanceDate day;

  /* Most customers were there two years ago; some arrived since */
  day = demo->start + (chance (demo, 850) ? 0 : between (demo, 30, 600));
  day += between (demo, 0, interval);

  for (; day <= demo->today; day += MAX (1, interval * between (demo, 60, 140) / 100))
    {
      gint64 net = random_amount (demo, spec->min_net_cents, spec->max_net_cents);
      gint64 gross = relance_money_mul_div_round (net, 120, 100);
      RelanceDate due = day + customer->terms;
      DemoCredit credit = { 0 };
      gboolean credited = plan_credit_note (demo, day, due, gross, &credit);

      if (!insert_item (demo, customer, RELANCE_INVOICE_KIND_INVOICE, day, due, gross,
                        TRUE, credited ? &credit : NULL, error))
        return FALSE;

      /* The fixed 40 € recovery indemnity on some invoices paid late */
      if ((customer->payer == PAYER_LATE || customer->payer == PAYER_DEFAULTING) &&
          customer->segment != SEGMENT_CONSUMER && chance (demo, 80) &&
          due + 31 <= demo->today &&
          !insert_item (demo, customer, RELANCE_INVOICE_KIND_FEE, due + 31, due + 46, 4000,
                        customer->payer == PAYER_LATE, NULL, error))
        return FALSE;
    }

  /* A transfer that nobody could match to an invoice, or a deposit */
  if (chance (demo, 60))
    {
      DemoPayment payment;

      payment.date = demo->today - between (demo, 0, 90);
      payment.amount_cents = round_to (random_amount (demo, spec->min_net_cents,
                                                      spec->max_net_cents), 100);
      payment.allocated_cents = 0;
      if (payment.amount_cents > 0 && insert_payment (demo, customer, &payment, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* The agents and the manager, as users; a login that exists is kept */
static gboolean
insert_users (Demo    *demo,
              GError **error)
{
  for (guint i = 0; i <= G_N_ELEMENTS (agents); i++)
    {
      gboolean manager = i == G_N_ELEMENTS (agents);
      const char *login = manager ? MANAGER_LOGIN : agents[i].login;
      g_autoptr(RelanceUser) user = NULL;
      GError *local_error = NULL;

      user = relance_user_store_find (demo->db, login, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (user != NULL)
        continue;
      user = relance_user_new (login, manager ? MANAGER_NAME : agents[i].name,
                               manager ? RELANCE_USER_ROLE_MANAGER : RELANCE_USER_ROLE_AGENT);
      user->email = g_strdup_printf ("%s@relance.example.com", login);
      if (!relance_user_store_insert (demo->db, user, error))
        return FALSE;
    }
  return TRUE;
}

/* The creditor that the letters are signed with: a Lyon company whose
 * SIREN, VAT number and IBAN pass the checks of relance-validation.h.
 * The IBAN is FR76 3000 4019 6900 0102 5478 963: bank 30004, branch
 * 01969, account 00010254789, RIB key 97 − (89 × 30004 + 15 × 1969 +
 * 3 × 10254789) mod 97 = 63, IBAN check digits 98 − (BBAN "FR00" as
 * digits) mod 97 = 76. A company already set (with a name) is kept. */
static gboolean
insert_company (Demo    *demo,
                GError **error)
{
  g_autoptr(RelanceCompany) existing = NULL;
  RelanceCompany company = { 0 };
  char siren[10] = "85207413";
  g_autofree char *vat = NULL;

  existing = relance_company_store_load (demo->db, error);
  if (existing == NULL)
    return FALSE;
  if (existing->name != NULL)
    return TRUE;

  siren[8] = luhn_key (siren, 8);
  siren[9] = '\0';
  vat = make_vat (siren);

  company.name = (char *) "Rhône Équipements Industriels";
  company.legal_form = (char *) "SAS";
  company.capital = (char *) "250 000 €";
  company.address = (char *) "27 rue Garibaldi";
  company.postcode = (char *) "69006";
  company.city = (char *) "Lyon";
  company.country = (char *) "France";
  company.siren = siren;
  company.vat_number = vat;
  company.phone = (char *) "+33 4 72 41 18 30";
  company.email = (char *) "credit-clients@rhone-equipements.example.com";
  company.website = (char *) "https://www.rhone-equipements.example.com";
  company.iban = (char *) "FR7630004019690001025478963";
  company.bic = (char *) "BNPAFRPPXXX";
  company.signatory = (char *) "Mathilde Vallet";
  company.signatory_title = (char *) "Responsable du crédit clients";
  company.court = (char *) "Tribunal de commerce de Lyon";
  return relance_company_store_save (demo->db, &company, error);
}

static gboolean
generate (Demo                *demo,
          RelanceProgressFunc  progress,
          gpointer             progress_data,
          GError             **error)
{
  g_autofree char *what = g_strdup (_("Generating the demo portfolio"));
  guint step = MAX (demo->n_customers / 100, 1);

  for (guint i = 0; i < demo->n_customers; i++)
    {
      Customer customer = { 0 };
      gboolean ok;

      ok = insert_customer (demo, i, &customer, error) &&
           insert_invoices (demo, &customer, error);
      g_free (customer.slug);
      if (!ok)
        return FALSE;

      if (progress != NULL && (i + 1) % step == 0)
        progress ((double) (i + 1) / demo->n_customers, what, progress_data);
    }
  return TRUE;
}

/**
 * relance_demo_generate:
 * @db: an empty database (in a GTask thread: that thread's own connection)
 * @n_customers: how many customers; about ten invoices each
 * @seed: the seed: the same seed, size and day give the same portfolio
 * @today: the last day of the 24 months of history
 * @progress: (nullable): called every 1 % of the customers
 * @progress_data: data for @progress
 * @error: a #GError
 *
 * Fills an empty database with a French portfolio: companies (with valid
 * SIREN, SIRET and VAT numbers, addresses, phones and e-mail addresses at
 * reserved example domains), about 10 % consumers, contacts with one
 * dunning contact each, segments, agents (five agents and a manager,
 * recorded as users; actor.agent is the agent's login) and credit limits; 24 months of
 * invoices up to @today with their payments and allocations, by payer
 * profile (good, chronically late, partial, defaulting); a few credit
 * notes, each for part of an invoice, due with it and applied to it (the
 * customer pays the rest), but left open while the invoice is not due;
 * recovery fees;
 * some unallocated payments; the creditor (relance-company-store.h), unless
 * one is set. Customer codes are
 * "C000001"…, invoice numbers "FA2025-000001"…, credit notes
 * "AV2025-000001"…, payment references "RG-000001"….
 *
 * It runs in one transaction, recorded as an import of kind "demo" with
 * one audit line: all or nothing.
 *
 * Returns: %TRUE on success; %FALSE with %RELANCE_DEMO_ERROR_NOT_EMPTY
 *   when the database already has actors, or a store error
 */
gboolean
relance_demo_generate (RelanceDatabase      *db,
                       guint                 n_customers,
                       guint32               seed,
                       RelanceDate           today,
                       RelanceProgressFunc   progress,
                       gpointer              progress_data,
                       GError              **error)
{
  g_autofree char *file_name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *after = NULL;
  Demo demo = { 0 };
  gint64 existing;
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_customers > 0, FALSE);
  g_return_val_if_fail (today > 0, FALSE);
  g_return_val_if_fail (!relance_database_in_transaction (db), FALSE);

  existing = relance_actor_store_count (db);
  if (existing != 0)
    {
      g_set_error (error, RELANCE_DEMO_ERROR, RELANCE_DEMO_ERROR_NOT_EMPTY,
                   _("The database %s already has actors: the demo portfolio goes "
                     "into a new, empty database."),
                   relance_database_get_path (db));
      return FALSE;
    }

  demo.db = db;
  demo.rand = g_rand_new_with_seed (seed);
  demo.today = today;
  demo.start = relance_date_add_months (today, -24);
  relance_date_get_ymd (demo.start, &demo.first_year, NULL, NULL);
  demo.n_customers = n_customers;
  demo.code_width = (int) MAX (6, count_digits (n_customers));

  if (progress != NULL)
    progress (0.0, NULL, progress_data);

  /* Every key is made here: SQLite need not look each one up again */
  if (!relance_bulk_set_foreign_keys (db, FALSE, error))
    {
      g_rand_free (demo.rand);
      return FALSE;
    }
  if (!relance_database_begin (db, error))
    {
      relance_bulk_set_foreign_keys (db, TRUE, NULL);
      g_rand_free (demo.rand);
      return FALSE;
    }

  /* The demo is recorded like an import, so that its rows say where they
   * come from, and the per-row audit lines of the store are skipped. */
  file_name = g_strdup_printf ("demo (%u customers, seed %u)", n_customers, seed);
  key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, file_name, -1);
  demo.import_id = relance_import_store_record (db, "demo", file_name, key, error);
  ok = demo.import_id != 0;
  if (ok)
    ok = (demo.bulk = relance_bulk_insert_new (db, demo.import_id, error)) != NULL;
  if (ok)
    ok = insert_users (&demo, error);
  if (ok)
    ok = insert_company (&demo, error);
  if (ok)
    ok = generate (&demo, progress, progress_data, error);
  g_clear_pointer (&demo.bulk, relance_bulk_insert_free);

  if (ok)
    {
      after = g_strdup_printf ("demo, seed %u, %u customers, %" G_GUINT64_FORMAT
                               " invoices, %" G_GUINT64_FORMAT " payments",
                               seed, n_customers, demo.n_invoices, demo.n_payments);
      ok = relance_import_store_set_rows (db, demo.import_id, n_customers, error) &&
           relance_database_audit (db, "import", demo.import_id, "demo", NULL, after, error);
    }
  if (ok)
    ok = relance_database_commit (db, error);
  else
    relance_database_rollback (db);
  if (!relance_bulk_set_foreign_keys (db, TRUE, ok ? error : NULL))
    ok = FALSE;

  g_rand_free (demo.rand);
  if (ok && progress != NULL)
    progress (1.0, NULL, progress_data);
  return ok;
}
