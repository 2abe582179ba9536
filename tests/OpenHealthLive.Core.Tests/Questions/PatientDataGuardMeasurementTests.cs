using System.Globalization;
using System.Text;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Questions;
using Xunit.Abstractions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// The two numbers docs/privacy.md reports: how many written variants of known identifiers the guard holds (all
/// of them, or the test fails), and how many innocent conference questions it holds by mistake (below 2 %).
/// Both print their rate, so it can be copied into the documentation from the test output.
/// </summary>
public sealed class PatientDataGuardMeasurementTests(ITestOutputHelper output)
{
    private static readonly PatientDataGuard Guard = new(new PatientDataGuardOptions());

    [Fact]
    public void Every_generated_variant_of_a_known_identifier_is_held()
    {
        var variants = GuardVariants.All();
        var missed = variants.Where(v => !IsHeld(v)).ToList();
        var unmasked = variants.Except(missed).Where(v => !IsMasked(v)).ToList();

        var held = variants.Count - missed.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Held {held} of {variants.Count} generated variants ({100.0 * held / variants.Count:0.00} %)."));
        foreach (var group in variants.GroupBy(v => (v.Kind, v.Position)))
        {
            var kindMissed = group.Count(missed.Contains);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key.Kind,-16} {group.Key.Position,-7} {group.Count() - kindMissed,5} of {group.Count(),5}"));
        }

        Assert.True(variants.Count >= 3000, $"Only {variants.Count} variants were generated.");
        Assert.True(missed.Count == 0, $"{missed.Count} of {variants.Count} variants got through, for example:\n{string.Join("\n", missed.Take(100))}");
        Assert.True(unmasked.Count == 0, $"{unmasked.Count} held variants keep their identifier after masking, for example:\n{string.Join("\n", unmasked.Take(100))}");
    }

    [Fact]
    public void Fewer_than_two_in_a_hundred_innocent_conference_questions_are_held()
    {
        var questions = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Guard", "innocent-questions.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        var held = questions
            .Select(q => (Question: q, Findings: Guard.Check(q)))
            .Where(r => r.Findings.Count > 0)
            .ToList();

        var rate = 100.0 * held.Count / questions.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Held {held.Count} of {questions.Count} innocent questions ({rate:0.00} %)."));
        foreach (var (question, findings) in held)
        {
            output.WriteLine($"  held: {question} [{string.Join("; ", findings.Select(f => f.Rule + ": " + f.Reason))}]");
        }

        Assert.True(questions.Count >= 300, $"The corpus has only {questions.Count} questions.");
        Assert.True(rate < 2.0, $"{held.Count} of {questions.Count} innocent questions were held ({rate:0.00} %):\n{string.Join("\n", held.Select(h => h.Question))}");
    }

    /// <summary>
    /// What is kept of a held variant does not hold its identifier: for numbers, not the last four digits (the mask
    /// shows three); for addresses, not the part before the @.
    /// </summary>
    private static bool IsMasked(GuardVariants.Variant variant)
    {
        string?[] kept = variant.Position == GuardVariants.Position.Word
            ? [WordCloudGuard.Screen(Guard, variant.Text).Text]
            : Guard.Inspect(QuestionText.Clean(variant.Text), QuestionText.CleanAuthor(variant.Author)) is var g ? [g.Text, g.Author] : [];
        switch (variant.Kind)
        {
            case "nhs-number" or "phone":
                var digits = Digits(variant.Written, lookAlikes: true);
                return !kept.Any(k => Digits(k ?? string.Empty, lookAlikes: false).Contains(digits[^4..], StringComparison.Ordinal));
            case "email":
                var local = new string([.. variant.Written.TakeWhile(c => c is not '@' and not '＠').Where(c => !char.IsControl(c) && c is not '\u200B' and not '\u00AD')]);
                return !kept.Any(k => k?.Contains(local, StringComparison.OrdinalIgnoreCase) == true);
            default:
                return true;
        }
    }

    /// <summary>The digits of a text in ASCII; with <paramref name="lookAlikes"/>, the letters a variant typed for digits too.</summary>
    private static string Digits(string text, bool lookAlikes) => new([.. text.EnumerateRunes()
        .Where(r => Rune.IsDigit(r) || (lookAlikes && r.Value is 'O' or 'o' or 'I' or 'l'))
        .Select(r => r.Value switch { 'O' or 'o' => '0', 'I' or 'l' => '1', _ => (char)('0' + (int)Rune.GetNumericValue(r)) })]);

    // As the services do it: the question with its author read apart and together; a word-cloud answer as typed and as counted.
    private static bool IsHeld(GuardVariants.Variant variant) => variant.Position == GuardVariants.Position.Word
        ? WordCloudGuard.Screen(Guard, variant.Text).Held
        : Guard.Inspect(QuestionText.Clean(variant.Text), QuestionText.CleanAuthor(variant.Author)).Held;
}
