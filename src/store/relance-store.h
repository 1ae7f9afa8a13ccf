/* relance-store.h — the SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-database.h"
#include "relance-actor-store.h"
#include "relance-invoice-store.h"
#include "relance-payment-store.h"
#include "relance-credit-store.h"
#include "relance-import-store.h"
#include "relance-figures-store.h"
#include "relance-dispute-store.h"
#include "relance-promise-store.h"
#include "relance-note-store.h"
#include "relance-timeline-store.h"
#include "relance-rate-store.h"
#include "relance-interest-store.h"
#include "relance-user-store.h"
#include "relance-scenario-store.h"
#include "relance-assignment-store.h"
#include "relance-case-store.h"
#include "relance-action-store.h"
#include "relance-notification-store.h"
#include "relance-action-edit-store.h"
#include "relance-search-store.h"
#include "relance-workspace-store.h"
#include "relance-company-store.h"
#include "relance-document-store.h"
#include "relance-template-store.h"
#include "relance-mail-store.h"
#include "relance-user-customer-store.h"
#include "relance-card-store.h"
