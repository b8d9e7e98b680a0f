namespace OrderEngine.Persistence.Tests.Sqlite;

/// <summary>A temporary folder for one test class's SQLite files, deleted afterwards.</summary>
public sealed class SqliteFileFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("orderengine-sqlite-").FullName;

    /// <summary>The database file the class's tests share (each test uses its own storage partition).</summary>
    public string DatabasePath => Path.Combine(Folder, "nested", "folders", "orderengine.db");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
