using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class PhoneRuleTests
{
    [Theory]
    [InlineData("Her mobile is 07700 900123, can she join the trial?")]
    [InlineData("Ring 07700-900-123")]
    [InlineData("Ring 07700 900 123 tonight")]
    [InlineData("07700900123")]
    [InlineData("The unit is on 01632 960001")]
    [InlineData("London line 020 7946 0958")]
    [InlineData("+44 7700 900123")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("+44 (0) 7700 900123")]
    [InlineData("+447700900123")]
    [InlineData("0044 7700 900123")]
    [InlineData("(01632) 960 001")]
    [InlineData("0161 496 0000 is the clinic")]
    [InlineData("Freephone 0800 123 4567")]
    [InlineData("US office +1 415 555 0132")]
    [InlineData("Paris +33 1 23 45 67 89")]
    [InlineData("Berlin +49 30 12345678")]
    [InlineData("Call ０７７００ ９００１２３ now")]
    public void A_uk_or_international_phone_number_is_caught(string question)
    {
        Assert.Contains(GuardRules.Phone, Guard.Rules(question));
    }

    [Theory]
    [InlineData("Is 82 ms inference fast enough?")]
    [InlineData("Were images resized to 256×256?")]
    [InlineData("Will the 2024 dataset be released?")]
    [InlineData("How long to annotate 12,400 images?")]
    [InlineData("FID 7.04 on the test set")]
    [InlineData("Accuracy rose by +5% after augmentation")]
    [InlineData("Gain of +1.5 dB?")]
    [InlineData("Slices of 0.5 mm")]
    [InlineData("On a 0-10 pain scale")]
    [InlineData("Scores between 0 and 100")]
    [InlineData("Scans at 20-24 weeks")]
    [InlineData("Labels 01 02 03 04 05 06")]
    [InlineData("Version 0.12.345678")]
    [InlineData("Learning rate 1e-4")]
    [InlineData("Days 0 7 14 21 28")]
    [InlineData("The 07:30 clinic")]
    [InlineData("Sample of 07700 images")]
    [InlineData("Add +10 to the score")]
    [InlineData("Mobile 07700 90012 is too short")]
    [InlineData("AUC 0.07700900123")]
    [InlineData("Scanned at 10:30 on 01-02-2024 12 times")]
    [InlineData("Is 1.07700900123 a ratio?")]
    [InlineData("Is 1,07700900123 a ratio?")]
    [InlineData("AUC 0.7700900123")]
    [InlineData("AUC 0,7700900123")]
    public void Durations_sizes_years_and_short_numbers_are_not_phone_numbers(string question)
    {
        Assert.DoesNotContain(GuardRules.Phone, Guard.Rules(question));
    }

    [Fact]
    public void One_number_written_two_ways_is_one_number()
    {
        var finding = Guard.Finding(Guard.Default, "07700 900123 or +44 7700 900123", GuardRules.Phone);

        Assert.Equal("a UK mobile number (ending …123)", finding.Reason);
    }

    [Theory]
    [InlineData("Bed 12, 07700 900123 is her number", "Bed 12, [phone number ending …123] is her number")]
    [InlineData("Bed 12/07700 900123 is her number", "Bed 12/[phone number ending …123] is her number")]
    [InlineData("London line 020 7946 0958", "London line [phone number ending …958]")]
    [InlineData("Ring 0,7700,900123", "Ring [phone number ending …123]")]
    public void A_phone_number_after_another_number_is_masked_on_its_own(string question, string masked)
    {
        Assert.Equal(masked, Guard.Default.Mask(question).Text);
    }
}
