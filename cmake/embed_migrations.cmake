# Writes OUTPUT, a C++ file holding each migration in INPUTS (sorted
# NNN_name.sql files) as a string, in order. Run with cmake -P.
# FUNCTION (default migrations) names the function, HEADER (default
# store/migrations.hpp) the header declaring it; a file whose name has no
# number gets 0 (schema/postgres/citus.sql).
if(NOT FUNCTION)
  set(FUNCTION migrations)
endif()
if(NOT HEADER)
  set(HEADER store/migrations.hpp)
endif()
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(body "")
foreach(input IN LISTS INPUTS)
  get_filename_component(name ${input} NAME)
  string(REGEX MATCH "^[0-9]+" number ${name})
  if(number STREQUAL "")
    set(number 0)
  endif()
  math(EXPR number "${number}")
  file(READ ${input} sql)
  string(APPEND body "    {${number}, \"${name}\", R\"parley_sql(${sql})parley_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from schema/*.sql by cmake/embed_migrations.cmake. Do not edit.
#include \"${HEADER}\"

namespace parley::detail {

const std::vector<Migration>& ${FUNCTION}() {
  static const std::vector<Migration> all = {
${body}  };
  return all;
}

}  // namespace parley::detail
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
