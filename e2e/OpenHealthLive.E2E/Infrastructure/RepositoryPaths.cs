namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding <c>OpenHealthLive.sln</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary>The repository's decks (<c>content/</c>).</summary>
    public static string Content => Path.Combine(Root, "content");

    /// <summary>Where failure screenshots and traces go: <c>e2e/OpenHealthLive.E2E/TestResults/e2e/</c>.</summary>
    public static string FailureArtifacts => Path.Combine(Root, "e2e", "OpenHealthLive.E2E", "TestResults", "e2e");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenHealthLive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OpenHealthLive.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
