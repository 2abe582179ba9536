using OpenHealthLive.Core.Slides;
using YamlDotNet.RepresentationModel;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>
/// The one YAML reader behind the front matter and poll blocks: what it accepts, and for what it refuses, the words and
/// the line an author is shown.
/// </summary>
public sealed class DeckYamlTests
{
    [Theory]
    [InlineData("")]
    [InlineData("# only a comment")]
    public void Text_with_no_document_is_read_as_nothing_not_as_an_error(string yaml)
    {
        var result = DeckYaml.Load(yaml);

        Assert.Equal((false, 0, (YamlNode?)null), (result.Failed, result.Line, result.Root));
    }

    [Fact]
    public void Lists_nested_as_deep_as_allowed_are_read_and_one_level_more_is_refused_on_its_line()
    {
        static string Nested(int depth) => "a: 1\nb: " + new string('[', depth - 1) + "x" + new string(']', depth - 1);

        // The mapping is the first level, so depth - 1 lists make the nesting depth levels deep.
        Assert.False(DeckYaml.Load(Nested(DeckYaml.MaxDepth)).Failed);

        var refused = DeckYaml.Load(Nested(DeckYaml.MaxDepth + 1));
        Assert.Equal((2, "lists and maps nest more than 16 levels deep."), (refused.Line, refused.Error));
    }

    [Fact]
    public void Many_lists_side_by_side_are_not_nesting()
    {
        var yaml = string.Join('\n', Enumerable.Range(1, DeckYaml.MaxDepth * 2).Select(i => $"key{i}: [a, {{b: c}}]"));

        var result = DeckYaml.Load(yaml);

        Assert.False(result.Failed, result.Error);
        Assert.Equal(DeckYaml.MaxDepth * 2, ((YamlMappingNode)result.Root!).Children.Count);
    }

    public static TheoryData<string, int, string> Refused => new()
    {
        // YamlDotNet's own words, without its "(Line: 1, Col: 4, Idx: 3) - (...): " prefix: the problem carries the line.
        { "a: b: c", 1, "While scanning a plain scalar value, found invalid mapping." },
        { "title: T\ntitle: T", 2, "Duplicate key title" },

        // Where YamlDotNet points inside the text, that line.
        { "a: 1\n\n\n  b: 2", 4, "While scanning a plain scalar value, found invalid mapping." },

        // At the end of the text, where the unfinished value starts, not the last line.
        { "title: 'abc\n\ndef\n\nghi", 1, "While scanning a quoted scalar, found unexpected end of stream." },
        { "title: [unclosed\n  # c\n  # d", 1, "While parsing a flow sequence, did not find expected ',' or ']'." },
        { "a: |\n  x\nb: [c\n  # z\n  # w", 3, "While parsing a flow sequence, did not find expected ',' or ']'." },

        // Input YamlDotNet throws a programmer's exception for: where reading stopped, in an author's words.
        { "title: !<> T", 1, "it cannot be read past this line; look for an unclosed '[', '{' or quote, or a stray '!', '&' or '*'." },
        { "a: 1\nb: [x\nc: 2\nd: 3", 2, "it cannot be read past this line; look for an unclosed '[', '{' or quote, or a stray '!', '&' or '*'." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Text_that_cannot_be_read_is_refused_with_a_line_and_a_reason(string yaml, int line, string error)
    {
        var result = DeckYaml.Load(yaml);

        Assert.Equal((true, line, error, (YamlNode?)null), (result.Failed, result.Line, result.Error, result.Root));
    }
}
