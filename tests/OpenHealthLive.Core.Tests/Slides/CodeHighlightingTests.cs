using System.Text.RegularExpressions;
using OpenHealthLive.Core.Slides.Rendering;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>Fenced code is highlighted on the server into spans with CSS classes, and stays escaped.</summary>
public sealed class CodeHighlightingTests
{
    [Theory]
    [InlineData("csharp", "var total = 0; // start", "<span class=\"keyword\">var</span> total = <span class=\"number\">0</span>; <span class=\"comment\">// start</span>")]
    [InlineData("cs", "public sealed class Deck", "<span class=\"keyword\">public</span> <span class=\"keyword\">sealed</span> <span class=\"keyword\">class</span> Deck")]
    [InlineData("python", "def fid(x): return x  # lower is better", "<span class=\"keyword\">def</span> fid(x): <span class=\"keyword\">return</span> x  <span class=\"comment\"># lower is better</span>")]
    [InlineData("py", "import torch", "<span class=\"keyword\">import</span> torch")]
    [InlineData("javascript", "const slide = 1;", "<span class=\"keyword\">const</span> slide = 1;")]
    [InlineData("js", "var x = 'a';", "<span class=\"keyword\">var</span> x = <span class=\"string\">&#39;a&#39;</span>;")]
    [InlineData("json", "{\"slide\": 3}", "{<span class=\"jsonKey\">&quot;slide&quot;</span>: <span class=\"jsonNumber\">3</span>}")]
    public void Code_in_a_language_colorcode_knows_is_highlighted(string language, string code, string expected)
    {
        var html = RenderCode(language, code);

        Assert.Equal($"<pre class=\"code\"><code class=\"language-{language}\">{expected}</code></pre>\n", html);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("sh")]
    [InlineData("shell")]
    [InlineData("console")]
    [InlineData("zsh")]
    [InlineData("Bash")]
    public void Shell_commands_are_highlighted_by_the_shell_language(string language)
    {
        var html = RenderCode(language, "# install\npip install --upgrade \"xfetus\" $EXTRA");

        Assert.Equal(
            $"<pre class=\"code\"><code class=\"language-{language}\"><span class=\"comment\"># install</span>\n"
            + "<span class=\"keyword\">pip</span> install <span class=\"powershellParameter\">--upgrade</span> <span class=\"string\">&quot;xfetus&quot;</span> "
            + "<span class=\"powershellVariable\">$EXTRA</span></code></pre>\n",
            html);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("yml")]
    public void Yaml_is_highlighted_by_the_yaml_language(string language)
    {
        var html = RenderCode(language, "id: who-is-here # unique\nquestion: \"Who is in the room?\"");

        Assert.Equal(
            $"<pre class=\"code\"><code class=\"language-{language}\"><span class=\"keyword\">id</span>: who-is-here <span class=\"comment\"># unique</span>\n"
            + "<span class=\"keyword\">question</span>: <span class=\"string\">&quot;Who is in the room?&quot;</span></code></pre>\n",
            html);
    }

    [Theory]
    [InlineData("cs", "c#")]
    [InlineData("csharp", "c#")]
    [InlineData("js", "javascript")]
    [InlineData("ts", "typescript")]
    [InlineData("py", "python")]
    [InlineData("ps", "powershell")]
    [InlineData("ps1", "powershell")]
    [InlineData("c", "cpp")]
    [InlineData("c++", "cpp")]
    [InlineData("fs", "f#")]
    [InlineData("fsharp", "f#")]
    [InlineData("md", "markdown")]
    [InlineData("htm", "html")]
    [InlineData("svg", "xml")]
    [InlineData("xaml", "xml")]
    [InlineData("csproj", "xml")]
    [InlineData("CSharp", "c#")]
    [InlineData("PS1", "powershell")]
    public void A_short_or_file_extension_name_is_highlighted_as_its_language(string alias, string language)
    {
        Assert.True(CodeHighlighter.Supports(alias), $"{alias} should be read as {language}");
        Assert.True(CodeHighlighter.Supports(language));
        Assert.Contains("<span class=", CodeHighlighter.Highlight(SampleIn(language), alias), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csx")]
    [InlineData("python3")]
    [InlineData("c--")]
    public void A_name_that_is_no_alias_is_not_highlighted(string name)
    {
        Assert.False(CodeHighlighter.Supports(name));
        Assert.Null(CodeHighlighter.Highlight("return 1;", name));
    }

    /// <summary>A line each language colours: a keyword, a comment or a tag.</summary>
    private static string SampleIn(string language) => language switch
    {
        "markdown" => "# Title",
        "html" or "xml" => "<slide id=\"a\"/>",
        "python" => "return 1  # one",
        _ => "return 1; // one",
    };

    [Fact]
    public void Code_in_an_unknown_language_is_plain_escaped_code()
    {
        var html = RenderCode("cobol", "DISPLAY 'A < B & C'.");

        Assert.Equal("<pre><code class=\"language-cobol\">DISPLAY 'A &lt; B &amp; C'.\n</code></pre>\n", html);
    }

    [Fact]
    public void Code_without_a_language_is_plain_escaped_code()
    {
        var html = RenderCode(string.Empty, "a < b");

        Assert.Equal("<pre><code>a &lt; b\n</code></pre>\n", html);
    }

    [Theory]
    [InlineData("csharp")]
    [InlineData("python")]
    [InlineData("javascript")]
    [InlineData("json")]
    [InlineData("html")]
    [InlineData("xml")]
    [InlineData("bash")]
    [InlineData("yaml")]
    [InlineData("cobol")]
    [InlineData("")]
    public void Markup_inside_a_code_block_never_becomes_a_tag(string language)
    {
        var html = RenderCode(language, "<script>alert('x')</script> <img src=x onerror=alert(1)> \"</code></pre><b>\" && a");

        // Highlighting may cut the escaped text into spans ("&lt;" "script" "&gt;" for HTML), but it may add no other tag.
        Assert.All(Regex.Matches(html, "</?([a-zA-Z][a-zA-Z0-9]*)").Select(m => m.Groups[1].Value), tag => Assert.Contains(tag, (string[])["pre", "code", "span"]));
        Assert.Single(AllIndexesOf(html, "</code></pre>"));
        Assert.Contains("&lt;script&gt;alert(", Regex.Replace(html, "</?span[^>]*>", string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_text_of_a_highlighted_block_is_the_code_without_spans()
    {
        var slide = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "```csharp", "var x = 1;", "```")).Slides);

        Assert.Equal("One var x = 1;", slide.PlainText);
    }

    private static string RenderCode(string language, string code)
    {
        var slide = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "```" + language, code, "```")).Slides);
        var inner = TestDecks.Inner(slide.Html);
        Assert.StartsWith("<h1>One</h1>\n", inner, StringComparison.Ordinal);
        return inner["<h1>One</h1>\n".Length..];
    }

    private static List<int> AllIndexesOf(string text, string value)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            found.Add(at);
        }

        return found;
    }
}
