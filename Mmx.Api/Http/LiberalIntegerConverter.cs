using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mmx.Api.Http;

/// <summary>
/// The contract's "be liberal in what you accept" for integers, in one place for every request
/// body: a JSON number or a string of digits (the shipped iOS app sends <c>"mode":"2"</c>, and ids
/// read back from its local database as strings), with a leading minus where the field allows one
/// (<c>shopID: -1</c>). An optional field (<c>int?</c>, <c>long?</c>) sent as <c>""</c> or
/// <c>null</c> counts as absent. Anything else (a fraction, letters, an object) is invalid input,
/// which the body reader answers with err 1. Numbers are written as numbers.
/// </summary>
public sealed class LiberalIntegerConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(int) || typeToConvert == typeof(long)
        || typeToConvert == typeof(int?) || typeToConvert == typeof(long?);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(int) ? new Int32()
        : typeToConvert == typeof(long) ? new Int64()
        : typeToConvert == typeof(int?) ? new OptionalInt32()
        : new OptionalInt64();

    /// <summary>The value, null for an absent one ("" or null), or a JsonException.</summary>
    internal static long? Read(ref Utf8JsonReader reader, long min, long max)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && number >= min && number <= max:
                return number;
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (text.Length == 0) return null;
                if (text.Length <= 20 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    && parsed >= min && parsed <= max) return parsed;
                break;
        }
        throw new JsonException("expected an integer (a number or a string of digits)");
    }

    private sealed class Int32 : JsonConverter<int>
    {
        public override bool HandleNull => true;
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (int)(LiberalIntegerConverterFactory.Read(ref reader, int.MinValue, int.MaxValue) ?? throw new JsonException("an integer is required"));
        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class Int64 : JsonConverter<long>
    {
        public override bool HandleNull => true;
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            LiberalIntegerConverterFactory.Read(ref reader, long.MinValue, long.MaxValue) ?? throw new JsonException("an integer is required");
        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class OptionalInt32 : JsonConverter<int?>
    {
        public override bool HandleNull => true;
        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (int?)LiberalIntegerConverterFactory.Read(ref reader, int.MinValue, int.MaxValue);
        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }

    private sealed class OptionalInt64 : JsonConverter<long?>
    {
        public override bool HandleNull => true;
        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            LiberalIntegerConverterFactory.Read(ref reader, long.MinValue, long.MaxValue);
        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }
}

/// <summary>
/// A 0/1 switch (privacy flags, msgEnable, accept): as <see cref="LiberalIntegerConverterFactory"/>,
/// and also <c>false</c>/<c>true</c> for 0/1. The handler checks the range.
/// </summary>
public sealed class SwitchConverter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => 1,
        JsonTokenType.False => 0,
        _ => (int?)LiberalIntegerConverterFactory.Read(ref reader, int.MinValue, int.MaxValue),
    };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
    }
}
