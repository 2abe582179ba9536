using ColorCode;
using ColorCode.Common;

namespace OpenHealthLive.Core.Slides.Rendering;

/// <summary>Shell commands (bash, sh, console), which ColorCode does not know: comments, strings, variables, options.</summary>
internal sealed class ShellLanguage : ILanguage
{
    public string Id => "bash";

    public string FirstLinePattern => "^#!/.*sh";

    public string Name => "Bash";

    // Stryker disable once all : ColorCode writes it only on the wrapper <div> that CodeHighlighter.Highlight strips.
    public string CssClassName => "bash";

    public IList<LanguageRule> Rules { get; } =
    [
        new(@"(?m)(#.*?)$", new Dictionary<int, string> { [1] = ScopeName.Comment }),
        new(@"(""(?:[^""\\]|\\.)*""|'[^']*')", new Dictionary<int, string> { [1] = ScopeName.String }),
        new(@"(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)", new Dictionary<int, string> { [1] = ScopeName.PowerShellVariable }),
        new(@"(?<=\s)(--?[A-Za-z][\w-]*)", new Dictionary<int, string> { [1] = ScopeName.PowerShellParameter }),
        new(@"(?m)^(\s*(?:\$\s+)?)(\w[\w.-]*)", new Dictionary<int, string> { [2] = ScopeName.Keyword }),
    ];

    public bool HasAlias(string lang) => lang is "bash" or "sh" or "shell" or "console" or "zsh";
}
