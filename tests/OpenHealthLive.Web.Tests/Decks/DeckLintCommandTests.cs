using OpenHealthLive.Web.Decks;

namespace OpenHealthLive.Web.Tests.Decks;

/// <summary>
/// <c>dotnet run --project src/OpenHealthLive.Web -- lint &lt;deck folder&gt;…</c>: what an author reads, and the exit
/// code a script or CI step acts on (0 presentable, 1 not, 2 used wrongly).
/// </summary>
public sealed class DeckLintCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ohl-lint-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_deck_folder_it_says_how_to_use_it_and_exits_with_two()
    {
        var (exit, output) = await LintAsync("--warnings-as-errors");

        Assert.Equal((2, "usage: lint <deck folder> [<deck folder> ...] [--warnings-as-errors]\n"), (exit, output));
    }

    [Fact]
    public async Task A_clean_deck_is_summed_up_and_exits_with_zero()
    {
        var folder = WriteDeck("clean", "---", "title: Clean", "---", "# One", "---", "# Two");

        var (exit, output) = await LintAsync(folder);

        Assert.Equal((0, $"{folder}: 2 slides in en, 0 errors, 0 warnings\n"), (exit, output));
    }

    [Fact]
    public async Task A_warning_is_printed_and_fails_the_run_only_when_warnings_count_as_errors()
    {
        var folder = WriteDeck("warned", "---", "title: Warned", "colour: blue", "---", "# One");
        var warning = $"{Path.Combine(folder, "deck.md")}:3: warning: ";

        var (exit, output) = await LintAsync(folder);
        var (strictExit, strictOutput) = await LintAsync(folder, "--warnings-as-errors");

        Assert.Equal(0, exit);
        Assert.Equal(1, strictExit);
        Assert.StartsWith(warning, output, StringComparison.Ordinal);
        Assert.EndsWith($"{folder}: 1 slide in en, 0 errors, 1 warning\n", output, StringComparison.Ordinal);
        Assert.Equal(output, strictOutput);
    }

    [Fact]
    public async Task A_deck_with_an_error_cannot_be_presented_and_fails_the_run_whatever_comes_after_it()
    {
        var broken = WriteDeck("broken", "---", "title: Broken", "---", "# One", "", "![A photo](lost.png)");
        var clean = WriteDeck("clean", "---", "title: Clean", "---", "# One");

        var (exit, output) = await LintAsync(broken, clean);

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"{Path.Combine(broken, "deck.md")}:6: error: Image 'lost.png' does not exist (looked for {Path.Combine(broken, "lost.png")}).",
                $"{broken}: cannot be presented: 1 error, 0 warnings",
                $"{clean}: 1 slide in en, 0 errors, 0 warnings",
            ],
            output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Two_decks_with_errors_fail_the_run_as_one_does()
    {
        var first = WriteDeck("first", "---", "title: First", "---", "# One", "", "![A photo](lost.png)");
        var second = WriteDeck("second", "---", "title: Second", "---", "# One", "", "![A photo](lost.png)");

        var (exit, _) = await LintAsync(first, second);

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_an_error_and_fails_the_run()
    {
        var (exit, output) = await LintAsync(Path.Combine(_root, "nowhere"));

        Assert.Equal((1, $"{Path.Combine(_root, "nowhere")}: error: no such folder\n"), (exit, output));
    }

    [Fact]
    public async Task A_folder_given_from_the_repository_root_is_found_wherever_it_runs_and_the_talk_lints_clean()
    {
        // The tests run in their bin folder, as 'dotnet run --project' runs in the project's: the README's
        // 'lint content/open-healthcare' must still find the deck.
        Assert.False(Directory.Exists("content/open-healthcare"));

        var (exit, output) = await LintAsync("content/open-healthcare");

        Assert.Equal(0, exit);
        Assert.Matches(@"\Acontent/open-healthcare: \d+ slides in en-GB and es, 0 errors, 0 warnings\n\z", output);
    }

    [Fact]
    public async Task A_folder_relative_to_where_it_runs_is_found_there_first()
    {
        var name = "ohl-lint-here-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(name);
        try
        {
            File.WriteAllText(Path.Combine(name, "deck.md"), "---\ntitle: Here\n---\n# One\n");

            var (exit, output) = await LintAsync(name);

            Assert.Equal((0, $"{name}: 1 slide in en, 0 errors, 0 warnings\n"), (exit, output));
        }
        finally
        {
            Directory.Delete(name, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> LintAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var exit = await DeckLintCommand.RunAsync(args, output);
        return (exit, output.ToString());
    }

    private string WriteDeck(string name, params string[] lines)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "deck.md"), string.Join('\n', lines) + "\n");
        return folder;
    }
}
