// Question 1: the Astana track in order, with planned versus actual dates.
#include <iostream>

#include "astana_data.hpp"

int main() {
  parley::Database db = load_astana();
  parley::Query track;
  track.processes = {parley::ProcessId{"process:astana"}};
  for (const parley::Event& e : db.query(track).events) {
    std::cout << e.time.str() << "  " << parley::best(e.title) << '\n';
  }
  std::cout << "\nPlanned versus actual:\n";
  for (const parley::ScheduleEntry& s : parley::schedule(db, track)) {
    std::cout << parley::best(s.event.title) << ": planned " << s.planned.str()
              << ", actual " << s.event.time.str();
    if (s.days_late) std::cout << ", " << *s.days_late << " day(s) late";
    for (const std::string& reason : s.reasons)
      std::cout << " (" << reason << ")";
    std::cout << '\n';
  }
}
