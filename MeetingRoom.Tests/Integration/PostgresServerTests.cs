using MeetingRoom.Tests.Support;
using Npgsql;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The throw-away PostgreSQL cluster of the tests (<see cref="PostgresServer"/>): fresh databases, and a stop and
/// start of the same cluster (same port, same data). It tests the test support, not the configured database, so it
/// runs once, in the main run (trait <c>Database=None</c>), alone (it takes the shared cluster down).
/// </summary>
[Trait("Database", "None")]
[Collection(nameof(PostgresServerCollection))]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_stopped_cluster_refuses_connections_and_comes_back_on_the_same_port_with_its_data()
    {
        var server = PostgresServer.Shared;
        var connection = await server.CreateDatabaseAsync();
        await ExecuteAsync(connection, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42);");

        await server.StopAsync();
        try
        {
            NpgsqlConnection.ClearAllPools();
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(connection, "SELECT 1"));
        }
        finally
        {
            await server.StartAsync();
        }

        Assert.Equal(42, await ScalarAsync(connection, "SELECT id FROM kept"));
        Assert.Contains($"Port={server.Port}", connection);
    }

    [Fact]
    public async Task Each_created_database_is_new_and_empty()
    {
        var first = await PostgresServer.Shared.CreateDatabaseAsync();
        var second = await PostgresServer.Shared.CreateDatabaseAsync();

        Assert.NotEqual(first, second);
        await ExecuteAsync(first, "CREATE TABLE only_here (id int)");
        Assert.Equal(0, await ScalarAsync(second, "SELECT count(*)::int FROM pg_tables WHERE tablename = 'only_here'"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Tests that take the shared PostgreSQL cluster down run one at a time, with no other test running.</summary>
[CollectionDefinition(nameof(PostgresServerCollection), DisableParallelization = true)]
public sealed class PostgresServerCollection;
