using System.Globalization;
using System.Text;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Web.Archive;

/// <summary>
/// A poll's final results drawn on the server as HTML and CSS (the bars of poll-chart.js, without its script): every
/// figure is also text, so the file reads the same to a screen reader, on paper and offline. Labels come from the deck
/// and words from the audience: everything is encoded.
/// </summary>
internal static class ArchiveCharts
{
    /// <summary>The chart of <paramref name="results"/> of <paramref name="poll"/>; a quiz's answer marked when <paramref name="showAnswer"/>.</summary>
    public static void Write(StringBuilder html, PollDefinition poll, PollResults results, ArchiveWords say, bool showAnswer)
    {
        if (results.Voters == 0)
        {
            html.Append("<p class=\"chart-empty\">").Append(say["Chart.NoAnswers"]).Append("</p>");
            return;
        }

        switch (poll.Type)
        {
            case PollType.Ranking:
                Ranking(html, results, say);
                break;
            case PollType.Rating:
                Ratings(html, poll, results, say);
                break;
            case PollType.WordCloud:
                Words(html, results);
                break;
            default:
                Options(html, poll, results, say, showAnswer);
                break;
        }
    }

    private static void Options(StringBuilder html, PollDefinition poll, PollResults results, ArchiveWords say, bool showAnswer)
    {
        var max = Math.Max(1, results.Options.Select(o => o.Count).DefaultIfEmpty(0).Max());
        html.Append("<ol class=\"chart-bars\">");
        foreach (var option in results.Options)
        {
            var correct = showAnswer && poll.Type == PollType.Quiz && string.Equals(poll.Answer, option.Label, StringComparison.Ordinal);
            html.Append(correct ? "<li class=\"chart-row is-correct\">" : "<li class=\"chart-row\">")
                .Append("<span class=\"chart-label\">").Append(Encode(option.Label));
            if (correct)
            {
                html.Append("<span class=\"chart-correct\"> ✓ ").Append(say["Chart.Correct"]).Append("</span>");
            }

            html.Append("</span>");
            Bar(html, (double)option.Count / max);
            html.Append(say.Culture, $"<span class=\"chart-value\">{option.Count} · {Math.Round(option.Percent)}%</span></li>");
        }

        html.Append("</ol>");
        if (poll.Type == PollType.MultipleChoice)
        {
            html.Append("<p class=\"chart-caption\">").Append(say["Chart.Several"]).Append("</p>");
        }
    }

    private static void Ranking(StringBuilder html, PollResults results, ArchiveWords say)
    {
        var max = Math.Max(1, results.Ranking.Select(r => r.BordaScore).DefaultIfEmpty(0).Max());
        html.Append("<ol class=\"chart-bars chart-bars--ranking\">");
        foreach (var row in results.Ranking)
        {
            html.Append("<li class=\"chart-row\"><span class=\"chart-label\">").Append(Encode(row.Label)).Append("</span>");
            Bar(html, (double)row.BordaScore / max);
            html.Append("<span class=\"chart-value\">").Append(say.Format("Chart.Points", row.BordaScore, row.AverageRank.ToString("0.0", say.Culture))).Append("</span></li>");
        }

        html.Append("</ol><p class=\"chart-caption\">").Append(say["Chart.Borda"]).Append("</p>");
    }

    private static void Ratings(StringBuilder html, PollDefinition poll, PollResults results, ArchiveWords say)
    {
        var scale = Math.Max(2, poll.Scale);
        html.Append("<ol class=\"chart-bars chart-bars--rating\">");
        foreach (var row in results.Ratings)
        {
            html.Append("<li class=\"chart-row\"><span class=\"chart-label\">").Append(Encode(row.Item)).Append("</span>");
            Bar(html, row.Count == 0 ? 0 : (row.Average - 1) / (scale - 1));
            html.Append("<span class=\"chart-value\">").Append(say.Format("Chart.Rating", row.Average.ToString("0.0", say.Culture), scale, row.Count)).Append("</span>")
                .Append("<span class=\"chart-distribution\">")
                .AppendJoin(" · ", row.Distribution.Select((count, k) => string.Create(CultureInfo.InvariantCulture, $"{k + 1}: {count}")))
                .Append("</span></li>");
        }

        html.Append("</ol>");
    }

    private static void Words(StringBuilder html, PollResults results)
    {
        var max = Math.Max(1, results.Words.Select(w => w.Count).DefaultIfEmpty(0).Max());
        html.Append("<ul class=\"chart-words\">");
        foreach (var word in results.Words)
        {
            var size = 0.9 + (1.6 * word.Count / max);
            html.Append(CultureInfo.InvariantCulture, $"<li style=\"font-size:{size:0.##}em\">").Append(Encode(word.Word))
                .Append(CultureInfo.InvariantCulture, $" <span class=\"chart-value\">{word.Count}</span></li>");
        }

        html.Append("</ul>");
    }

    private static void Bar(StringBuilder html, double fraction) =>
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"chart-track\" aria-hidden=\"true\"><span class=\"chart-fill\" style=\"width:{Math.Clamp(fraction, 0, 1) * 100:0.#}%\"></span></span>");

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
