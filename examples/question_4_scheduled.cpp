// Question 4: as of 2017-02-16, what was scheduled next, and when.
#include <iostream>

#include "astana_data.hpp"

int main() {
  parley::Database db = load_astana();
  const auto known = parley::parse_record_time("2017-02-16T23:59:59Z");
  for (const parley::ScheduleEntry& s : parley::upcoming(db, known)) {
    std::cout << parley::best(s.event.title) << ": " << s.planned.str() << " ("
              << to_string(s.event.status) << " as of 2017-02-16)\n";
  }
  const auto now = db.event(parley::EventId{"event:geneva-4"});
  std::cout << "Known now: " << to_string(now->status) << '\n';
}
