// Uses an installed parley through find_package(parley): stores an actor
// and an event, reads them back, and prints the event's day.
#include <iostream>

#include "parley/parley.hpp"

int main() {
  parley::Database db{":memory:"};
  parley::Actor un;
  un.id = parley::ActorId{"actor:un"};
  un.kind = parley::ActorKind::organisation;
  un.names = {{"en", "United Nations"}, {"ar", "الأمم المتحدة"}};
  db.add(un);

  parley::Event talks;
  talks.id = parley::EventId{"event:geneva-4"};
  talks.title = {{"en", "Geneva talks"}};
  talks.time = parley::Edtf::parse("2017-02-23");
  talks.participants = {{un.id, parley::Role::mediator}};
  talks.payload = parley::NegotiationRound{4};
  db.add(talks);

  auto stored = db.event(talks.id);
  if (!stored || !(*stored == talks)) return 1;
  std::cout << stored->time.str() << '\n';
}
