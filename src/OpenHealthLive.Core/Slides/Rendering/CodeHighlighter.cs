using System.Text.RegularExpressions;
using ColorCode;

namespace OpenHealthLive.Core.Slides.Rendering;

/// <summary>
/// Highlights code on the server, once per deck load, into spans with CSS classes: phones get coloured code
/// without a highlighting script, and the page's Content-Security-Policy needs no inline styles.
/// </summary>
public static partial class CodeHighlighter
{
    private static readonly ILanguage[] ExtraLanguages = [new ShellLanguage(), new YamlLanguage()];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cs"] = "c#",
        ["csharp"] = "c#",
        ["js"] = "javascript",
        ["ts"] = "typescript",
        ["py"] = "python",
        ["ps"] = "powershell",
        ["ps1"] = "powershell",
        ["c"] = "cpp",
        ["c++"] = "cpp",
        ["fs"] = "f#",
        ["fsharp"] = "f#",
        ["htm"] = "html",
        ["svg"] = "xml",
        ["xaml"] = "xml",
        ["csproj"] = "xml",
    };

    /// <summary>True when <paramref name="language"/> (a fenced block's info) is highlighted.</summary>
    public static bool Supports(string? language) => Find(language) is not null;

    /// <summary>The code as HTML spans (already escaped), or null when the language is unknown.</summary>
    public static string? Highlight(string code, string? language)
    {
        if (Find(language) is not { } found)
        {
            return null;
        }

        // ColorCode wraps its output in <div class="lang"><pre>…</pre></div>; the slide renderer writes its own <pre>.
        var html = new HtmlClassFormatter().GetHtmlString(code, found);
        var match = Wrapper().Match(html);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static ILanguage? Find(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var name = language.Trim();
        if (ExtraLanguages.FirstOrDefault(l => l.HasAlias(name.ToLowerInvariant())) is { } extra)
        {
            return extra;
        }

        return Languages.FindById(Aliases.TryGetValue(name, out var alias) ? alias : name.ToLowerInvariant());
    }

    [GeneratedRegex(@"^<div[^>]*><pre>\r?\n?([\s\S]*?)\r?\n?</pre></div>\s*$")]
    private static partial Regex Wrapper();
}
