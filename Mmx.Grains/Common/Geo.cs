namespace Mmx.Grains.Common;

/// <summary>Great-circle distance on a spherical earth, good to a few metres at city scale.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    public static double HaversineKm(double long1, double lat1, double long2, double lat2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLong = ToRadians(long2 - long1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
              + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Pow(Math.Sin(dLong / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
