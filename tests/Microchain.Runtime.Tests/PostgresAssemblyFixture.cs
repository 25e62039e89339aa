[assembly: AssemblyFixture(typeof(Microchain.Testing.Support.Postgres.PostgresServer))]
