using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Looks for patient-identifiable details in what a phone sends (dates of birth, NHS and hospital numbers,
/// e-mail addresses, phone numbers, postcodes and configured words), so that such a question or answer is held
/// for the presenter, with the reasons, instead of being shown to the room, and masks them, so that they are
/// never stored. A safety net, not a guarantee: see <c>docs/privacy.md</c> for what each rule catches and misses.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: create one for the application. Every rule runs in time linear in the length
/// of the text, so adversarial input cannot stall it; should a rule still run out of time, it reports a
/// finding (the text is held, and masked whole) rather than letting the text through unchecked.
/// </remarks>
public sealed partial class PatientDataGuard(PatientDataGuardOptions options)
{
    /// <summary>What replaces a whole text that could not be checked in time.</summary>
    public const string UncheckedMask = "[text not checked]";

    private readonly string[] _heldWords = FoldWords(options);

    /// <summary>
    /// Checks a text. Returns no findings when nothing was seen, otherwise one finding per rule that fired,
    /// in the order of <see cref="GuardRules"/>.
    /// </summary>
    public IReadOnlyList<GuardFinding> Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Findings(Scan(text));
    }

    /// <summary>
    /// Checks a text and masks what it finds: each identifier is replaced by a mask that says what it was and
    /// shows at most its last few characters, such as <c>[NHS number ending …919]</c> or <c>[date of birth …1950]</c>.
    /// </summary>
    public GuardedText Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var detections = Scan(text);
        return new GuardedText(Apply(text, detections), Findings(detections));
    }

    /// <summary>
    /// Checks a question and its author's name, each on its own and the two read together (name first), so
    /// that an identifier split between them ("943 476" as the name, "5919 …" as the question) is found too;
    /// masks what it finds in both.
    /// </summary>
    public GuardedQuestion Inspect(string text, string? author)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inText = Scan(text);
        if (string.IsNullOrEmpty(author))
        {
            return new GuardedQuestion(Apply(text, inText), author, Findings(inText));
        }

        var inAuthor = Scan(author);
        var all = new List<GuardDetection>(inText);
        all.AddRange(inAuthor);
        // Read together with a space between them ("943 476" + "5919"), and, when that finds nothing across the
        // two, without one ("jane.doe" + "@nhs.net").
        var across = false;
        foreach (var joiner in (ReadOnlySpan<string>)[" ", string.Empty])
        {
            var offset = author.Length + joiner.Length;
            var together = Scan(author + joiner + text, joiner.Length > 0 ? author.Length : -1);
            if (joiner.Length == 0 && across)
            {
                break;
            }

            across = together.Exists(d => d.Start < 0 || (d.Start < author.Length && d.End > offset));
            foreach (var detection in together)
            {
                all.Add(detection);
                if (detection.Start < 0)
                {
                    inText.Add(detection);
                    inAuthor.Add(detection);
                    continue;
                }

                if (detection.Start < author.Length)
                {
                    inAuthor.Add(detection with { End = Math.Min(detection.End, author.Length) });
                }

                if (detection.End > offset)
                {
                    inText.Add(detection with { Start = Math.Max(detection.Start - offset, 0), End = detection.End - offset });
                }
            }
        }

        return new GuardedQuestion(Apply(text, inText), Apply(author, inAuthor), Findings(all));
    }

    /// <summary>Every identifier found in <paramref name="text"/>, with its place in it.</summary>
    /// <remarks><paramref name="joint"/>: where a name and a question were joined by a space, or -1.</remarks>
    private List<GuardDetection> Scan(string text, int joint = -1)
    {
        var view = GuardText.Normalize(text);
        var detections = new List<GuardDetection>();
        if (view.Text.Length == 0)
        {
            return detections;
        }

        string normalized;
        try
        {
            // Masks this guard wrote earlier (a question the presenter edits) are not identifiers.
            normalized = GuardPatterns.MaskToken().Replace(view.Text, m => new string('x', m.Length));
        }
        catch (RegexMatchTimeoutException)
        {
            normalized = view.Text;
        }

        var found = new Found(view, detections);
        var chains = DigitChain.Find(normalized, joint < 0 ? -1 : view.IndexOf(joint));
        var inPhoneNumber = new bool[normalized.Length];
        var nhsShaped = NhsShapedNumbers(chains);

        Run(found, GuardRules.DateOfBirth, "a date of birth", () => CheckDates(normalized, chains, found));
        Run(found, GuardRules.NhsNumber, "an NHS number", () => CheckNhsNumbers(nhsShaped, found));
        Run(found, GuardRules.Phone, "a phone number", () => CheckPhones(chains, inPhoneNumber, found));
        Run(found, GuardRules.HospitalNumber, "a hospital number", () => CheckHospitalNumbers(normalized, chains, nhsShaped, inPhoneNumber, found));
        Run(found, GuardRules.Email, "an e-mail address", () => CheckEmails(normalized, found));
        Run(found, GuardRules.Postcode, "a postcode", () => CheckPostcodes(normalized, found));
        Run(found, GuardRules.WordList, "a held word", () => CheckHeldWords(normalized, found));
        return detections;
    }

    private static void Run(Found found, string rule, string what, Action check)
    {
        try
        {
            check();
        }
        catch (RegexMatchTimeoutException)
        {
            found.Everything(rule, $"the text could not be checked for {what} in time, so it is held to be safe");
        }
    }

    /// <summary>One finding per rule, in rule order: the reason of its first identifier, and how many others it saw.</summary>
    private static List<GuardFinding> Findings(List<GuardDetection> detections) =>
        [.. detections
            .GroupBy(d => d.Rule, StringComparer.Ordinal)
            .OrderBy(g => RuleOrder(g.Key))
            .Select(g =>
            {
                var count = g.Select(d => d.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count();
                var reason = g.First().Reason;
                return new GuardFinding(g.Key, count == 1 ? reason : string.Create(CultureInfo.InvariantCulture, $"{reason}, and {count - 1} more"));
            })];

    /// <summary>The text with every detection replaced by its mask; overlapping detections make one mask.</summary>
    private static string Apply(string text, List<GuardDetection> detections)
    {
        if (detections.Count == 0)
        {
            return text;
        }

        if (detections.Exists(d => d.Start < 0))
        {
            return UncheckedMask;
        }

        var ordered = detections.OrderBy(d => d.Start).ThenByDescending(d => d.End).ThenByDescending(d => d.Mask.Length).ToList();
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var first = ordered[i];
            var end = first.End;
            while (i + 1 < ordered.Count && ordered[i + 1].Start < end)
            {
                end = Math.Max(end, ordered[++i].End);
            }

            var start = Math.Max(first.Start, at);
            result.Append(text, at, start - at).Append(first.Mask);
            at = Math.Max(at, Math.Min(end, text.Length));
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private static int RuleOrder(string rule) => rule switch
    {
        GuardRules.DateOfBirth => 0,
        GuardRules.NhsNumber => 1,
        GuardRules.HospitalNumber => 2,
        GuardRules.Email => 3,
        GuardRules.Phone => 4,
        GuardRules.Postcode => 5,
        _ => 6,
    };

    private static string[] FoldWords(PatientDataGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.HeldWords
            .Where(word => !string.IsNullOrWhiteSpace(word))
            .Select(word => GuardText.Fold(GuardText.Normalize(word).Text))
            .Where(word => word.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Collects detections, translating places in the normal form into places in the text as typed.</summary>
    private sealed class Found(GuardView view, List<GuardDetection> detections)
    {
        public void Add(string rule, string key, string reason, string mask, int start, int end)
        {
            var (from, to) = view.Source(start, end);
            detections.Add(new GuardDetection(rule, key, reason, mask, from, to));
        }

        public void Everything(string rule, string reason) => detections.Add(new GuardDetection(rule, "*", reason, UncheckedMask, -1, -1));
    }
}
