namespace Mmx.Api.Access.Operators;

/// <summary>
/// What an operator key may do. Each /admin route and the dashboard name one role; a key has the
/// roles its settings give it (<c>Mmx:AdminKey</c>: all of them).
/// </summary>
[Flags]
public enum OperatorRoles
{
    None = 0,
    /// <summary>The catalogue and what shops say to users: /admin/import, /admin/shop/message.</summary>
    Catalogue = 1,
    /// <summary>People's data: the SMS and push outboxes, the feedback desk.</summary>
    Accounts = 2,
    /// <summary>The Orleans Dashboard, which reads any grain's state and the live log.</summary>
    Dashboard = 4,
    All = Catalogue | Accounts | Dashboard,
}
