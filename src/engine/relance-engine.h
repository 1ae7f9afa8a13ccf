/* relance-engine.h — figures, DSO, aged balance, the portfolio cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-engine-error.h"
#include "relance-progress.h"
#include "relance-figures.h"
#include "relance-dso.h"
#include "relance-aged-balance.h"
#include "relance-portfolio.h"
#include "relance-disputes.h"
#include "relance-promises.h"
#include "relance-interest.h"
#include "relance-collections.h"
#include "relance-assignment.h"
#include "relance-daily-run.h"
#include "relance-agenda.h"
#include "relance-actions.h"
