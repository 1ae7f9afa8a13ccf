/* relance-store.h — the SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-database.h"
#include "relance-actor-store.h"
#include "relance-invoice-store.h"
#include "relance-payment-store.h"
#include "relance-import-store.h"
#include "relance-figures-store.h"
