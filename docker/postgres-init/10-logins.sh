#!/bin/bash
# On the database's first start: Keycloak's own database, and the application's own login, which
# owns nothing (the application grants it its rights after each migration).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<-SQL
    CREATE ROLE keycloak LOGIN PASSWORD '${KEYCLOAK_DB_PASSWORD}';
    CREATE DATABASE keycloak OWNER keycloak;
    CREATE ROLE earlyhelp_app LOGIN NOINHERIT PASSWORD '${EARLYHELP_DB_APPPASSWORD}';
SQL
