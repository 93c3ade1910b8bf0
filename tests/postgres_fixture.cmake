# Included by CTest after doctest's list of parley_tests' cases (see
# tests/CMakeLists.txt): the cases named "postgres backend: …" need the
# server that the postgres.start fixture runs, and read its connection
# string from the file it writes.
foreach(test IN LISTS parley_tests_TESTS)
  if(test MATCHES "^postgres backend: ")
    set_tests_properties("${test}" PROPERTIES
      FIXTURES_REQUIRED postgres
      ENVIRONMENT "PARLEY_POSTGRES_CONNINFO_FILE=@PARLEY_PG_CONNINFO_FILE@")
  endif()
endforeach()
