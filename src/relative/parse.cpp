// parse_expression: finds the one time expression in a phrase and the tense
// markers around it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/error.hpp"
#include "parley/relative.hpp"

#include "relative/grammar.hpp"

namespace parley {
namespace detail {

std::optional<Found> longest_match(const Tokens& tokens, std::size_t at,
                                   std::initializer_list<Recogniser> list) {
  std::optional<Found> best;
  for (Recogniser recognise : list) {
    Cursor cursor(tokens, at);
    Expression expression;
    if (!recognise(cursor, expression) || cursor.position() <= at) continue;
    if (!best || cursor.position() > best->last) {
      best = Found{std::move(expression), at, cursor.position()};
    }
  }
  return best;
}

std::optional<Found> with_sense(const Tokens& tokens, std::size_t at,
                                std::optional<Found> (*match)(const Tokens&,
                                                              std::size_t),
                                SenseWords (*sense)(const Tokens&,
                                                    std::size_t)) {
  const SenseWords words = sense(tokens, at);
  if (words.length == 0) return match(tokens, at);
  const std::size_t next = at + words.length;
  std::optional<Found> found = match(tokens, next);
  if (!found && next < tokens.size() && tokens[next].text.size() == 4) {
    if (const auto y = digits_value(tokens[next].text)) {
      found = Found{Expression{}, next, next + 1};
      found->expression.rule = Rule::year;
      found->expression.year = date::year{static_cast<int>(*y)};
    }
  }
  if (!found || found->first != next) return match(tokens, at);
  found->first = at;
  found->expression.sense = words.sense;
  return found;
}

bool d_day(Cursor& c, Expression& e) {
  if (!c.accept("d")) return false;
  c.accept("day");
  int sign = 1;
  if (c.accept("-") || c.accept("minus")) {
    sign = -1;
  } else if (!c.accept("+") && !c.accept("plus")) {
    return false;
  }
  const auto n = digits_value(c.peek());
  if (!n || *n > 100000) return false;
  c.advance();
  e.unit = Unit::day;
  // "D+72 hours", "D-7 days"; in Arabic "ساعه", "ساعات".
  if (c.accept_any({"hours", "hour", "ساعه", "ساعات"})) {
    e.unit = Unit::hour;
  } else {
    c.accept_any({"days", "day"});
  }
  e.rule = Rule::d_day;
  e.count = sign * *n;
  return true;
}

}  // namespace detail

namespace {

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

}  // namespace

Expression parse_expression(std::string_view phrase, Lang lang) {
  const std::string where(phrase);
  const detail::Tokens tokens = detail::tokenize(phrase);
  const auto match =
      lang == Lang::ar ? detail::match_arabic : detail::match_english;
  const auto marker =
      lang == Lang::ar ? detail::arabic_marker : detail::english_marker;

  std::vector<detail::Found> found;
  std::vector<bool> used(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size();) {
    if (std::optional<detail::Found> f = match(tokens, i)) {
      for (std::size_t k = f->first; k < f->last; ++k) used[k] = true;
      i = f->last;
      found.push_back(std::move(*f));
    } else {
      ++i;
    }
  }
  const auto text_of = [&](const detail::Found& f) {
    return phrase.substr(tokens[f.first].begin,
                         tokens[f.last - 1].end - tokens[f.first].begin);
  };
  if (found.empty()) {
    throw Error(Errc::unresolved, where,
                "no " + std::string(to_string(lang)) +
                    " time expression recognised in " + quoted(phrase));
  }
  if (found.size() > 1) {
    throw Error(Errc::unresolved, where,
                "more than one time expression: " + quoted(text_of(found[0])) +
                    " and " + quoted(text_of(found[1])) +
                    "; resolve them one at a time");
  }

  Expression expression = std::move(found.front().expression);
  expression.phrase = where;
  expression.matched = std::string(text_of(found.front()));

  // Markers outside the expression. A future marker outweighs a past one:
  // in reported speech ("he said the talks will open on Thursday") the
  // reporting verb is past while the event is not.
  if (expression.tense == Tense::none) {
    bool past = false;
    bool future = false;
    for (std::size_t i = 0; i < tokens.size();) {
      if (used[i]) {
        ++i;
        continue;
      }
      const detail::Marker m = marker(tokens, i);
      if (m.length == 0) {
        ++i;
        continue;
      }
      past = past || m.tense == Tense::past;
      future = future || m.tense == Tense::future;
      i += m.length;
    }
    expression.tense =
        future ? Tense::future : (past ? Tense::past : Tense::none);
  }
  return expression;
}

Resolution resolve(std::string_view phrase, Lang lang, const Anchor& anchor,
                   const ResolveOptions& options) {
  return resolve(parse_expression(phrase, lang), anchor, options);
}

}  // namespace parley
