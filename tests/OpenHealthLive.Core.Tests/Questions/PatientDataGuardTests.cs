using System.Text;
using System.Text.RegularExpressions;
using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class PatientDataGuardTests
{
    [Fact]
    public void The_example_from_the_brief_is_held_for_its_date_of_birth_and_nhs_number()
    {
        var findings = Guard.Default.Check("my patient born 03/04/1961, NHS 943 476 5919, what would you do?");

        Assert.Equal([GuardRules.DateOfBirth, GuardRules.NhsNumber], findings.Select(f => f.Rule));
    }

    [Fact]
    public void A_question_can_fire_every_rule_once_and_the_findings_come_in_rule_order()
    {
        var guard = Guard.WithWords("bed 4");

        var findings = guard.Check(
            "bed 4: jane@nhs.net, NW1 2DB, call 07700 900123 or +44 7700 900123, MRN 00912345, NHS 943 476 5919 "
            + "and 401 023 2137, born 03/04/1961, seen 1961-04-03");

        Assert.Equal(
            [GuardRules.DateOfBirth, GuardRules.NhsNumber, GuardRules.HospitalNumber, GuardRules.Email, GuardRules.Phone, GuardRules.Postcode, GuardRules.WordList],
            findings.Select(f => f.Rule));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200D\u2060")]
    [InlineData("Great talk, thank you!")]
    [InlineData("?")]
    public void Empty_or_harmless_text_gives_no_findings(string question)
    {
        Assert.Empty(Guard.Default.Check(question));
    }

    [Fact]
    public void Null_text_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Guard.Default.Check(null!));
    }

    [Fact]
    public void Null_options_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new PatientDataGuard(null!));
    }

    [Theory]
    [InlineData("943\u200B476\u200B5919")] // zero-width space
    [InlineData("943\u200C476\u200D5919")] // zero-width non-joiner and joiner
    [InlineData("943\u2060476\uFEFF5919")] // word joiner and byte-order mark
    [InlineData("943\u00AD476\u00AD5919")] // soft hyphens
    [InlineData("\u202E943 476 5919\u202C")] // right-to-left override
    [InlineData("943\u2066476\u20695919")] // bidi isolates
    [InlineData("943\u200E476\u200F5919")] // left-to-right and right-to-left marks
    [InlineData("９４３ ４７６ ５９１９")] // full-width digits
    [InlineData("９４３４７６５９１９")]
    [InlineData("943\u00A0476\u00A05919")] // no-break spaces
    [InlineData("943\u2009476\u202F5919")] // thin and narrow no-break spaces
    [InlineData("943   476\t5919")] // runs of whitespace
    [InlineData("943–476–5919")] // en dashes
    [InlineData("943\u2011476\u20115919")] // non-breaking hyphens
    [InlineData("٩٤٣ ٤٧٦ ٥٩١٩")] // Arabic-Indic digits
    [InlineData("९४३ ४७६ ५९१९")] // Devanagari digits
    [InlineData("9\uFE0F\u20E343 476 5919")] // a keycap digit
    [InlineData("943\U000E0020476\U000E00205919")] // tag characters
    [InlineData("943\u0000476\u00075919")] // control characters
    public void Invisible_and_look_alike_characters_do_not_hide_an_nhs_number(string question)
    {
        Assert.Contains(GuardRules.NhsNumber, Guard.Rules(question));
    }

    [Theory]
    [InlineData(GuardRules.DateOfBirth, "Mother born 03/04/1961 at term", new[] { "03/04/1961", "03041961" })]
    [InlineData(GuardRules.DateOfBirth, "Mother DOB 3rd April 1961", new[] { "3rd April 1961", "3rd April" })]
    [InlineData(GuardRules.DateOfBirth, "Seen 1961-04-03", new[] { "1961-04-03", "04-03" })]
    [InlineData(GuardRules.NhsNumber, "NHS 943 476 5919", new[] { "943 476 5919", "9434765919", "4765919" })]
    [InlineData(GuardRules.NhsNumber, "NHS 401-023-2137", new[] { "401-023-2137", "4010232137", "0232137" })]
    [InlineData(GuardRules.HospitalNumber, "MRN 00912345", new[] { "00912345", "0912345" })]
    [InlineData(GuardRules.HospitalNumber, "case RXH1234567", new[] { "RXH1234567", "1234567" })]
    [InlineData(GuardRules.HospitalNumber, "number 5551234567", new[] { "5551234567", "1234567" })]
    [InlineData(GuardRules.Email, "jane.doe@nhs.net", new[] { "jane.doe@nhs.net", "jane.doe", "nhs.net" })]
    [InlineData(GuardRules.Email, "mum@hotmail.co.uk", new[] { "mum@hotmail.co.uk", "mum@", "hotmail" })]
    [InlineData(GuardRules.Phone, "07700 900123", new[] { "07700 900123", "07700900123", "900123" })]
    [InlineData(GuardRules.Phone, "+44 (0)20 7946 0958", new[] { "7946 0958", "2079460958", "79460958" })]
    [InlineData(GuardRules.Phone, "+33 1 23 45 67 89", new[] { "1 23 45 67 89", "123456789" })]
    [InlineData(GuardRules.Postcode, "NW1 2DB", new[] { "NW1 2DB", "NW12DB", "2DB" })]
    [InlineData(GuardRules.Postcode, "sw1a 1aa", new[] { "SW1A 1AA", "SW1A1AA", "1AA" })]
    public void A_reason_never_contains_the_whole_identifier(string rule, string question, string[] forms)
    {
        var finding = Guard.Finding(Guard.Default, question, rule);

        Assert.All(forms, form => Assert.DoesNotContain(form, finding.Reason, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(StripSeparators(question), StripSeparators(finding.Reason), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Smith", "Mrs Smith asked")]
    [InlineData("bed 4", "the baby in bed 4")]
    [InlineData("O'Brien", "Mrs O'Brien")]
    public void A_word_list_reason_never_contains_the_held_word(string word, string question)
    {
        var finding = Guard.Finding(Guard.WithWords(word), question, GuardRules.WordList);

        Assert.DoesNotContain(word, finding.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(word[1..], finding.Reason, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string> AdversarialInputs()
    {
        const int size = 100_000;
        var random = new Random(1961);
        var noise = new StringBuilder(size);
        const string alphabet = "0123456789 -./,:+@()'aAbBdDoOrRnN\u200B";
        while (noise.Length < size)
        {
            noise.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return new TheoryData<string>
        {
            new string('9', size),
            Repeat("1/", size),
            Repeat("1.", size),
            Repeat("12-", size),
            Repeat("943 ", size),
            Repeat("12345 ", size),
            Repeat("943 476 5919 ", size),
            Repeat("07700900123 ", size),
            Repeat("+44 (0)20 7946 0958 (", size),
            Repeat("0 ", size),
            Repeat("+1 ", size),
            Repeat("a@", size),
            Repeat("a.", size) + "@",
            "a" + Repeat(".a", size) + "@b",
            Repeat("x@y.", size),
            Repeat("DOB ", size),
            Repeat("born 1/", size),
            Repeat("3 April ", size),
            Repeat("MRN ", size) + "1234",
            Repeat("MRN A", size),
            Repeat("RXH", size),
            Repeat("SW1A ", size),
            Repeat("\u200B", size),
            Repeat("9\u200B", size),
            Repeat("ward ", size),
            Repeat("ﷺ", size / 10),
            "\uD800" + Repeat("\uDC00\uD800", size),
            noise.ToString(),
        };
    }

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void A_hundred_kilobytes_of_adversarial_input_is_checked_to_the_end_and_returns(string input)
    {
        var guard = Guard.WithWords("ward", "bed 4");

        // A held word after the 100 kB: found only if the scan really went through all of the input and did not
        // give up or cut it short on the way.
        var findings = guard.Check(input + "\n\nWhich bed 4 is it?");

        Assert.Contains(findings, f => f.Rule == GuardRules.WordList);
        Assert.Equal(findings.Count, findings.Select(f => f.Rule).Distinct().Count());
    }

    [Fact]
    public void One_guard_can_be_used_from_many_threads_at_once()
    {
        var guard = Guard.WithWords("ward");
        string[] questions =
        [
            "born 03/04/1961",
            "NHS 943 476 5919",
            "MRN 00912345",
            "jane@nhs.net",
            "07700 900123",
            "NW1 2DB",
            "which ward?",
            "FID 7.04 at 256×256",
        ];
        var expected = questions.Select(q => string.Join(",", guard.Check(q).Select(f => f.Rule))).ToArray();

        var results = new string[2000];
        Parallel.For(0, results.Length, i => results[i] = string.Join(",", guard.Check(questions[i % questions.Length]).Select(f => f.Rule)));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % questions.Length], results[i]);
        }
    }

    [Fact]
    public void Every_pattern_runs_on_the_linear_engine_with_a_timeout()
    {
        var patterns = typeof(GuardPatterns)
            .GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Regex))
            .Select(m => (m.Name, Regex: (Regex)m.Invoke(null, null)!))
            .ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.True(p.Regex.Options.HasFlag(RegexOptions.NonBacktracking), p.Name));
        Assert.All(patterns, p => Assert.NotEqual(Regex.InfiniteMatchTimeout, p.Regex.MatchTimeout));
    }

    private static string Repeat(string unit, int size) => new StringBuilder(size + unit.Length).Insert(0, unit, Math.Max(1, size / unit.Length)).ToString();

    private static string StripSeparators(string text) => new([.. text.Where(char.IsLetterOrDigit)]);
}
