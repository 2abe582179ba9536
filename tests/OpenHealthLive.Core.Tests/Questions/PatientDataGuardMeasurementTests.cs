using System.Globalization;
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

        var held = variants.Count - missed.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Held {held} of {variants.Count} generated variants ({100.0 * held / variants.Count:0.00} %)."));
        foreach (var group in variants.GroupBy(v => (v.Kind, v.Position)))
        {
            var kindMissed = group.Count(missed.Contains);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key.Kind,-16} {group.Key.Position,-7} {group.Count() - kindMissed,5} of {group.Count(),5}"));
        }

        Assert.True(variants.Count >= 3000, $"Only {variants.Count} variants were generated.");
        Assert.True(missed.Count == 0, $"{missed.Count} of {variants.Count} variants got through, for example:\n{string.Join("\n", missed.Take(400))}");
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

    // As the services do it: the question with its author read apart and together; a word-cloud answer as typed and as counted.
    private static bool IsHeld(GuardVariants.Variant variant) => variant.Position == GuardVariants.Position.Word
        ? WordCloudGuard.Screen(Guard, variant.Text).Held
        : Guard.Inspect(QuestionText.Clean(variant.Text), QuestionText.CleanAuthor(variant.Author)).Held;
}
