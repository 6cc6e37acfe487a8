@echo off
rem Runs DJ-IA. Builds the runnable jar first when it is missing (needs Java 17+ and Maven).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%djia-cli\target\djia.jar"
if not exist "%JAR%" (
  echo djia: building %JAR% ^(first run only^)... 1>&2
  pushd "%HERE%"
  call mvn -B -q -DskipTests -pl djia-cli -am package 1>&2
  if errorlevel 1 ( popd & exit /b 1 )
  popd
)
java %DJIA_JAVA_OPTS% -jar "%JAR%" %*
