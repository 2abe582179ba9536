using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace OpenHealthLive.Core.Slides.Rendering;

/// <summary>
/// Renders fenced code highlighted on the server, and a <c>poll</c> block as a readable card (question,
/// options, how to answer). A quiz's answer is never rendered.
/// </summary>
internal sealed class SlideCodeBlockRenderer(CodeBlockRenderer fallback) : HtmlObjectRenderer<CodeBlock>
{
    /// <summary>Key under which the slide builder stores a parsed poll on its block.</summary>
    public const string PollKey = "ohl-poll";

    /// <summary>Key set when the slide's heading already shows the poll question.</summary>
    public const string QuestionShownKey = "ohl-poll-question-shown";

    /// <summary>Key of the language the slide is written in: the card's line on how to answer is in it.</summary>
    public const string LanguageKey = "ohl-poll-language";

    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is FencedCodeBlock fenced)
        {
            if (fenced.GetData(PollKey) is PollDefinition poll)
            {
                WritePoll(renderer, poll, fenced.GetData(QuestionShownKey) is true, fenced.GetData(LanguageKey) as string);
                return;
            }

            var language = fenced.Info;
            if (CodeHighlighter.Highlight(fenced.Lines.ToString(), language) is { } highlighted)
            {
                renderer.EnsureLine();
                // Markdig has already put "language-xyz" (and any fragment class) into the block's attributes.
                renderer.Write("<pre class=\"code\"><code").WriteAttributes(obj).Write(">");
                renderer.Write(highlighted);
                renderer.WriteLine("</code></pre>");
                return;
            }
        }

        ((Markdig.Renderers.IMarkdownObjectRenderer)fallback).Write(renderer, obj);
    }

    private static void WritePoll(HtmlRenderer renderer, PollDefinition poll, bool questionShown, string? language)
    {
        var type = PollDefinitionReader.NameOf(poll.Type);
        renderer.EnsureLine();
        renderer.Write("<figure class=\"poll\" data-poll-id=\"").WriteEscape(poll.Id).Write("\" data-poll-type=\"").Write(type).Write("\">");
        if (!questionShown)
        {
            renderer.Write("<figcaption class=\"poll-question\">").WriteEscape(poll.Question).Write("</figcaption>");
        }

        switch (poll.Type)
        {
            case PollType.Rating:
                renderer.Write("<ul class=\"poll-items\">");
                foreach (var item in poll.Items)
                {
                    renderer.Write("<li>").WriteEscape(item).Write("</li>");
                }

                renderer.Write("</ul>");
                break;
            case PollType.WordCloud:
                break;
            default:
                renderer.Write(poll.Type == PollType.Ranking ? "<ul class=\"poll-options\">" : "<ol class=\"poll-options\">");
                foreach (var option in poll.Options)
                {
                    renderer.Write("<li>").WriteEscape(option).Write("</li>");
                }

                renderer.Write(poll.Type == PollType.Ranking ? "</ul>" : "</ol>");
                break;
        }

        var spanish = language?.Split('-')[0].Equals("es", StringComparison.OrdinalIgnoreCase) == true;
        renderer.Write("<p class=\"poll-hint\">").WriteEscape(spanish ? SpanishHint(poll) : Hint(poll)).WriteLine("</p></figure>");
    }

    /// <summary>
    /// The line on how to answer, in Spanish: it is part of the slide, so a Spanish slide must not carry an English
    /// sentence. Other languages get the English line until the interface's words move to resources.
    /// </summary>
    private static string SpanishHint(PollDefinition poll) => poll.Type switch
    {
        PollType.SingleChoice => "Elijan una opción en su teléfono cuando se abra la encuesta.",
        PollType.MultipleChoice => string.Create(CultureInfo.InvariantCulture, $"Elijan hasta {poll.MaxChoices} en su teléfono cuando se abra la encuesta."),
        PollType.Rating => string.Create(CultureInfo.InvariantCulture, $"Califiquen cada uno del 1 al {poll.Scale} en su teléfono cuando se abra la encuesta."),
        PollType.Ranking => "Ordénenlos en su teléfono cuando se abra la encuesta.",
        PollType.WordCloud => "Escriban su palabra en su teléfono cuando se abra la encuesta.",
        PollType.Quiz => "Prueba: elijan una opción en su teléfono cuando se abra la encuesta.",
        _ => string.Empty,
    };

    private static string Hint(PollDefinition poll) => poll.Type switch
    {
        PollType.SingleChoice => "Pick one on your phone when the poll opens.",
        PollType.MultipleChoice => string.Create(CultureInfo.InvariantCulture, $"Pick up to {poll.MaxChoices} on your phone when the poll opens."),
        PollType.Rating => string.Create(CultureInfo.InvariantCulture, $"Rate each from 1 to {poll.Scale} on your phone when the poll opens."),
        PollType.Ranking => "Put them in order on your phone when the poll opens.",
        PollType.WordCloud => "Type your word on your phone when the poll opens.",
        PollType.Quiz => "Quiz: pick one on your phone when the poll opens.",
        _ => string.Empty,
    };
}
