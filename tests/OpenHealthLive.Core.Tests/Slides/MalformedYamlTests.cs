using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>
/// A deck must never make the parser throw: broken YAML in the front matter or in a poll block is an error on a
/// line of the deck. Each test loops over many inputs and reports every one that failed, not just the first.
/// </summary>
public sealed class MalformedYamlTests
{
    private const string ValidFrontMatter =
        "title: Living with data\nsubtitle: 'A short tour'\nspeaker: \"Ada Lovelace\"\nduration: 1h15m\n"
        + "language: en-GB\naudience-can-browse-ahead: false\ntheme: dark\n";

    private const string ValidPoll =
        "id: fid-quiz\ntype: quiz\nquestion: Which generator?\noptions:\n  - DSR-GAN\n  - 'TB-GAN'\nanswer: DSR-GAN\nauto-open: true\n";

    private static readonly char[] Troublemakers = ['[', ']', '{', '}', '\'', '"', ':', '-', '?', '&', '*', '!', '|', '>', '%', '@', '`', '#', ',', '\t', '\n', '\\', '\0'];

    /// <summary>Hand-picked inputs, several of which made YamlDotNet 18.1.0 throw something other than YamlException, overflow the stack or take minutes.</summary>
    private static readonly string[] Malformed =
    [
        "title: T\naffiliation: [Analytical Society\nevent: OpenHealth Days",
        "title: T\nspeaker: {Ada\nevent: x",
        "- [a\n- b",
        "title: [unclosed",
        "title: {unclosed: yes",
        "title: !<> T",
        "!<> title: T",
        "title: !!binary T",
        "title: \"unterminated",
        "title: 'unterminated",
        "title: T\n\tspeaker: a tab",
        "title: *nowhere",
        "title: &name T\nspeaker: *name",
        "? &a [*a]\n: x",
        "&a [*a]",
        "title: T\ntitle: T",
        "title: T\n  bad: indent",
        "title: a: b",
        "%YAML 1.1\n%YAML 1.1\ntitle: T",
        "%TAG ! tag:x,2000:\n%TAG ! tag:y,2000:\ntitle: T",
        "title: |9\n x",
        "title: >-\n  a\n b",
        "[a, b]: c",
        "? - a\n  - b\n: c",
        "title: \0",
        "title: T\u0001",
        "\uFEFFtitle: T\n\uFEFFspeaker: A",
        "@title: T",
        "`title`: T",
        "title: T\n...\nspeaker: A",
        "title: T\nduration: 99999999999999h",
        "title: T\nduration: 99999999999999m",
        "title: T\nduration: \u0664\u0660m",
        "title: T\nduration: 99999h 999999m",
        "title: T\nlanguage: \"en\\0GB\"",
        "title: T\nlanguage: " + new string('x', 10_000),
        "title: T\ntheme: [dark",
        "title: " + new string('[', 100_000),
        "title: " + new string('[', 20_000) + new string(']', 20_000),
        "title: " + string.Concat(Enumerable.Repeat("{a: ", 5_000)) + "1" + new string('}', 5_000),
        string.Concat(Enumerable.Repeat("- ", 5_000)) + "x",
        string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + "a:\n")),
    ];

    [Fact]
    public void Malformed_front_matter_is_an_error_inside_the_front_matter_never_an_exception()
    {
        var failures = new List<string>();
        foreach (var yaml in Malformed)
        {
            var source = "---\n" + yaml + "\n---\n# One\n";
            Check(failures, yaml, () =>
            {
                var result = TestDecks.Parse(source);
                Assert.All(result.Problems, p => Assert.InRange(p.Line, 1, LineCount(source)));
            });
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Malformed_poll_yaml_is_an_error_inside_the_poll_block_never_an_exception()
    {
        var failures = new List<string>();
        foreach (var yaml in Malformed)
        {
            // Lines 1-3 front matter, 4 heading, 5 blank, 6 the fence: the poll's YAML starts on line 7.
            var source = TestDecks.WithFrontMatter("# One", "", "```poll", yaml, "```");
            Check(failures, yaml, () =>
            {
                var result = TestDecks.Parse(source);
                Assert.False(result.Succeeded);
                Assert.NotEmpty(result.Errors);
                Assert.All(result.Errors, e => Assert.InRange(e.Line, 7, 6 + LineCount(yaml)));
            });
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Front_matter_with_any_one_character_inserted_or_cut_short_is_reported_never_thrown()
    {
        var failures = new List<string>();
        foreach (var yaml in Mutations(ValidFrontMatter))
        {
            Check(failures, yaml, () =>
            {
                var problems = new List<DeckProblem>();
                var metadata = FrontMatterReader.Read(yaml, TestDecks.File, 2, problems, "Test Deck");
                Assert.True(metadata is not null || problems.Any(p => p.Severity == DeckProblemSeverity.Error));
                Assert.All(problems, p => Assert.InRange(p.Line, 2, 1 + LineCount(yaml)));
            });
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void A_poll_block_with_any_one_character_inserted_or_cut_short_is_reported_never_thrown()
    {
        var failures = new List<string>();
        foreach (var yaml in Mutations(ValidPoll))
        {
            Check(failures, yaml, () =>
            {
                var problems = new List<DeckProblem>();
                var poll = PollDefinitionReader.Read(yaml, TestDecks.File, 10, 0, problems);
                Assert.True(poll is not null || problems.Any(p => p.Severity == DeckProblemSeverity.Error));
                Assert.All(problems, p => Assert.InRange(p.Line, 10, 9 + LineCount(yaml)));
            });
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void An_unclosed_list_in_a_poll_is_an_error_on_its_line()
    {
        var result = TestDecks.Parse(TestDecks.WithFrontMatter(
            "# One",
            "",
            "```poll",
            "id: p",
            "type: single",
            "question: Which?",
            "options: [a, b",
            "auto-open: true",
            "```"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(10, error.Line);
        Assert.StartsWith("The poll block is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_a_deck_needs_is_refused_on_the_line_where_it_gets_too_deep()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "title: T", "speaker: " + new string('[', 1_000) + new string(']', 1_000), "---", "# One"));

        Assert.Equal(3, error.Line);
        Assert.Contains($"more than {DeckYaml.MaxDepth} levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_is_refused_with_an_explanation()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "title: &t T", "subtitle: *t", "---", "# One"));

        Assert.Equal(3, error.Line);
        Assert.Contains("aliases ('*name') are not supported", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Mutations(string valid)
    {
        for (var cut = 0; cut < valid.Length; cut++)
        {
            yield return valid[..cut];
        }

        for (var at = 0; at <= valid.Length; at++)
        {
            foreach (var c in Troublemakers)
            {
                yield return valid[..at] + c + valid[at..];
            }
        }
    }

    private static void Check(List<string> failures, string input, Action check)
    {
        try
        {
            check();
        }
        catch (Exception ex)
        {
            var shown = input.Length > 80 ? input[..80] + $"… ({input.Length} characters)" : input;
            failures.Add($"{System.Text.Json.JsonSerializer.Serialize(shown)}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static int LineCount(string text) => text.Split('\n').Length;
}
