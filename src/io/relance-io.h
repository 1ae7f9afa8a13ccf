/* relance-io.h — CSV import and the demo portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "relance-import-report.h"
#include "relance-csv-import.h"
#include "relance-demo.h"
