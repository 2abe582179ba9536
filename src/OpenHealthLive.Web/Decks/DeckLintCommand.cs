using OpenHealthLive.Core;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Web.Decks;

/// <summary>
/// <c>dotnet run --project src/OpenHealthLive.Web -- lint content/my-deck [more decks]</c>: checks decks
/// without starting the site and prints every problem as <c>file:line: severity: message</c>.
/// Exit code 0 when no deck has an error, 1 otherwise; <c>--warnings-as-errors</c> counts warnings too.
/// </summary>
public static class DeckLintCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var strict = args.Contains("--warnings-as-errors", StringComparer.Ordinal);
        var folders = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (folders.Count == 0)
        {
            await output.WriteLineAsync("usage: lint <deck folder> [<deck folder> ...] [--warnings-as-errors]");
            return 2;
        }

        var failed = false;
        foreach (var folder in folders)
        {
            var result = ResolveFolder(folder) is { } directory ? DeckParser.Load(directory) : null;
            if (result is null)
            {
                await output.WriteLineAsync($"{folder}: error: no such folder");
                failed = true;
                continue;
            }

            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync(problem.ToString());
            }

            var errors = result.Problems.Count(p => p.Severity == DeckProblemSeverity.Error);
            var warnings = result.Problems.Count - errors;
            var counts = $"{English.Count(errors, "error")}, {English.Count(warnings, "warning")}";
            await output.WriteLineAsync(result.Deck is { } deck
                ? $"{folder}: {English.Count(deck.Slides.Count, "slide")} in {string.Join(" and ", deck.Languages)}, {counts}"
                : $"{folder}: cannot be presented: {counts}");
            failed |= errors > 0 || (strict && warnings > 0);
        }

        return failed ? 1 : 0;
    }

    /// <summary>
    /// The folder as given, else relative to the repository root: <c>dotnet run --project</c> starts the
    /// program in the project's folder, not where the command was typed.
    /// </summary>
    private static string? ResolveFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return folder;
        }

        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenHealthLive.sln")))
            {
                var candidate = Path.Combine(directory.FullName, folder);
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
