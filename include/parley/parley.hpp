// parley.hpp — everything parley offers, in one include.
#ifndef PARLEY_PARLEY_HPP
#define PARLEY_PARLEY_HPP

#include "parley/actor.hpp"
#include "parley/allen.hpp"
#include "parley/claim.hpp"
#include "parley/database.hpp"
#include "parley/datasets.hpp"
#include "parley/document.hpp"
#include "parley/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/event.hpp"
#include "parley/flag.hpp"
#include "parley/ids.hpp"
#include "parley/json_object.hpp"
#include "parley/limits.hpp"
#include "parley/link.hpp"
#include "parley/lookup.hpp"
#include "parley/normalize.hpp"
#include "parley/payload.hpp"
#include "parley/place.hpp"
#include "parley/process.hpp"
#include "parley/query.hpp"
#include "parley/record_time.hpp"
#include "parley/relative.hpp"
#include "parley/reports.hpp"
#include "parley/source.hpp"
#include "parley/text.hpp"
#include "parley/time.hpp"
#include "parley/timeline.hpp"
#include "parley/zone.hpp"

#endif  // PARLEY_PARLEY_HPP
