using ColorCode;
using ColorCode.Common;

namespace OpenHealthLive.Core.Slides.Rendering;

/// <summary>YAML, which ColorCode does not know: comments, keys, strings.</summary>
internal sealed class YamlLanguage : ILanguage
{
    public string Id => "yaml";

    public string FirstLinePattern => string.Empty;

    public string Name => "YAML";

    // Stryker disable once all : ColorCode writes it only on the wrapper <div> that CodeHighlighter.Highlight strips.
    public string CssClassName => "yaml";

    public IList<LanguageRule> Rules { get; } =
    [
        new(@"(?m)(#.*?)$", new Dictionary<int, string> { [1] = ScopeName.Comment }),
        new(@"(?m)^(\s*-?\s*)([\w.-]+)(\s*:)", new Dictionary<int, string> { [2] = ScopeName.Keyword }),
        new(@"(""(?:[^""\\]|\\.)*""|'[^']*')", new Dictionary<int, string> { [1] = ScopeName.String }),
    ];

    public bool HasAlias(string lang) => lang is "yaml" or "yml";
}
