using System.Text;
using Microsoft.Data.Sqlite;

namespace OpenHealthLive.Core.Tests.Infrastructure;

/// <summary>A real, empty folder under the system temp folder; deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "ohl-core-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    public string Combine(string relativePath) => Path.Combine(FullPath, relativePath);

    /// <summary>Writes a UTF-8 text file (without BOM), creating its folders.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public void Dispose()
    {
        // Pooled SQLite connections keep the database file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
