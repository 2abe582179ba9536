using OpenHealthLive.Core.Polls;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>What the guard finds is replaced by a mask before anything is kept; the rest of the text stays as typed.</summary>
public sealed class PatientDataGuardMaskingTests
{
    [Theory]
    [InlineData("My patient 943•476•5919 has it", "My patient [NHS number ending …919] has it")]
    [InlineData("My patient 9\u03364\u03363\u0336 4\u03367\u03366\u0336 5919 has it", "My patient [NHS number ending …919] has it")]
    [InlineData("NHS 943\u200B476\u200B5919.", "NHS [NHS number ending …919].")]
    [InlineData("Mum born 3 5 1950, what now?", "Mum [date of birth …1950], what now?")]
    [InlineData("D O B 03 05 50 on the form", "[date of birth …50] on the form")]
    [InlineData("Seen 03/04/1961 in clinic", "Seen [date …1961] in clinic")]
    [InlineData("Seen 3 April 1961 in clinic", "Seen [date …1961] in clinic")]
    [InlineData("Write to j.smith@ucl.ac.uk please", "Write to [e-mail at …ac.uk] please")]
    [InlineData("Write to jane.doe@nhs.net please", "Write to [e-mail at …net] please")]
    [InlineData("Write to 张伟@医院.中国 please", "Write to [e-mail at …中国] please")]
    [InlineData("Call 07700 900123 tonight", "Call [phone number ending …123] tonight")]
    [InlineData("Call +44 (0)20 7946 0958 tonight", "Call [phone number ending …958] tonight")]
    [InlineData("hospital nbr K123456 again", "hospital nbr [hospital number ending …456] again")]
    [InlineData("Lives at SW1A 1AA.", "Lives at [postcode SW1A …].")]
    [InlineData("Lives at S W 1 A 1 A A.", "Lives at [postcode SW1A …].")]
    [InlineData("Two: 943 476 5919 and 401-023-2137", "Two: [NHS number ending …919] and [NHS number ending …137]")]
    public void What_is_found_is_replaced_by_a_mask_and_the_rest_is_kept(string typed, string masked)
    {
        var guarded = Guard.Default.Mask(typed);

        Assert.True(guarded.Held);
        Assert.Equal(masked, guarded.Text);
    }

    [Fact]
    public void A_held_word_is_masked_without_a_hint_of_what_it_was()
    {
        var guarded = Guard.WithWords("bed 4").Mask("The baby in BED 4 again");

        Assert.Equal("The baby in [held word] again", guarded.Text);
    }

    [Theory]
    [InlineData("My patient 943•476•5919 has it")]
    [InlineData("Mum born 3 5 1950, what now?")]
    [InlineData("Seen 03/04/1961 and 1961-04-03")]
    [InlineData("Write to j.smith@ucl.ac.uk or call 07700 900123")]
    [InlineData("hospital nbr K123456 at SW1A 1AA")]
    [InlineData("DOB 3rd April, MRN 00912345")]
    public void A_masked_text_checked_again_is_clean(string typed)
    {
        var masked = Guard.Default.Mask(typed).Text;

        Assert.Empty(Guard.Default.Check(masked));
        Assert.Equal(masked, Guard.Default.Mask(masked).Text);
    }

    [Theory]
    [InlineData("Dr 943•476", "5919 is the one, what now?", "Dr [NHS number ending …919]", "[NHS number ending …919] is the one, what now?")]
    [InlineData("jane.doe", "@nhs.net wrote to me", "[e-mail at …net]", "[e-mail at …net] wrote to me")]
    [InlineData("born 3/5", "1950, any advice?", "[date of birth …1950]", "[date of birth …1950], any advice?")]
    [InlineData("943/476/5919", "Any advice?", "[NHS number ending …919]", "Any advice?")]
    public void An_identifier_split_between_the_name_and_the_question_is_found_and_masked_in_both(string author, string text, string maskedAuthor, string maskedText)
    {
        var guarded = Guard.Default.Inspect(text, author);

        Assert.True(guarded.Held);
        Assert.Equal(maskedAuthor, guarded.Author);
        Assert.Equal(maskedText, guarded.Text);
    }

    [Fact]
    public void A_clean_question_and_name_are_kept_as_they_are()
    {
        var guarded = Guard.Default.Inspect("How long did the 12,400 images take to label?", "Ada 2");

        Assert.False(guarded.Held);
        Assert.Equal("How long did the 12,400 images take to label?", guarded.Text);
        Assert.Equal("Ada 2", guarded.Author);
    }

    [Theory]
    [InlineData("943•476•5919", "[NHS number ending …919]")]
    [InlineData("  jane.doe@nhs.net ", "[e-mail at …net]")]
    [InlineData("SW1A-1AA", "[postcode SW1A …]")]
    public void A_word_cloud_answer_is_checked_as_typed_and_masked(string typed, string masked)
    {
        var guarded = WordCloudGuard.Screen(Guard.Default, typed);

        Assert.True(guarded.Held);
        Assert.Equal(masked, guarded.Text);
    }

    /// <summary>A held word typed as a plural is not the held word as typed; counted, it is.</summary>
    [Fact]
    public void A_word_cloud_answer_showing_a_held_word_only_once_normalised_is_held_in_its_counted_form()
    {
        var guard = Guard.WithWords("Okafor");
        Assert.False(guard.Mask("Okafors").Held, "the guard alone catches this as typed: the test would not reach the normalised check");

        var guarded = WordCloudGuard.Screen(guard, "Okafors");

        Assert.True(guarded.Held);
        Assert.DoesNotContain("okafor", guarded.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_clean_word_cloud_answer_keeps_the_form_it_was_typed_in_trimmed()
    {
        var guarded = WordCloudGuard.Screen(Guard.Default, "  Open Source! ");

        Assert.False(guarded.Held);
        Assert.Equal("Open Source!", guarded.Text);
    }

    [Theory]
    [InlineData("community")]
    [InlineData("open data")]
    [InlineData("FHIR R4")]
    [InlineData("24/7")]
    [InlineData("ISO 13485")]
    public void An_ordinary_word_cloud_answer_is_not_held(string typed)
    {
        Assert.False(WordCloudGuard.Screen(Guard.Default, typed).Held);
    }

    /// <summary>
    /// The variants the guard knowingly misses, as docs/privacy.md lists them. When one of these starts to be
    /// caught, the list in the documentation is out of date: move it from there (and from here) to what is caught.
    /// </summary>
    [Theory]
    [InlineData("943, 476, 5919")] // list punctuation and a space between the groups
    [InlineData("943. 476. 5919")]
    [InlineData("943 -- 476 -- 5919")] // separators of four characters or more
    [InlineData("nine four three 476 5919")] // digits in words
    [InlineData("94З 476 5919")] // look-alikes other than O, o, I, l (a Cyrillic Ze for 3)
    [InlineData("943 476 S919")]
    [InlineData("Seen 03 05 50")] // a two-digit year after spaces, without a keyword
    [InlineData("Seen 3.4.61")] // an unpadded day and month with a two-digit year, without a keyword
    [InlineData("Seen 03/04-1961")] // mixed separators, without a keyword
    [InlineData("Seen April 3 61")]
    [InlineData("the third of April 1961")] // days in words
    [InlineData("born in the spring of 1961")]
    [InlineData("patient 12345")] // six digits or fewer without a keyword
    [InlineData("jane at nhs dot net")] // an address written out without brackets
    [InlineData("she lives in NW1")] // an outward code alone
    [InlineData("b33 8th")] // a lower-case postcode whose inward code reads as an ordinal
    [InlineData("a 62-year-old woman")] // ages
    public void The_known_misses_in_the_privacy_notes_still_pass(string text)
    {
        Assert.Empty(Guard.Default.Check(text));
    }
}
