namespace Mmx.Api.Wire;

/// <summary>
/// An example of a request body for the OpenAPI document, where the fields depend on each other
/// and an example built from the schema would mix them (login by phone or by a provider). The
/// document's test checks each against the type's schema.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class WireExample(string name, string summary, string json) : Attribute
{
    public string Name { get; } = name;
    public string Summary { get; } = summary;
    public string Json { get; } = json;
}
