/* relance-model.h — the domain types, with no I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-money.h"
#include "relance-date.h"
#include "relance-validation.h"
#include "relance-actor.h"
#include "relance-contact.h"
#include "relance-invoice.h"
#include "relance-payment.h"
