namespace Mmx.Grains.Catalogue;

/// <summary>
/// Nearest-first look-ups over one city's shops without measuring and sorting them all: a uniform
/// grid (about four shops a cell) searched ring by ring around the asked position, stopping once
/// no cell left unscanned can hold a shop nearer than the last one wanted. A listing of 5,000
/// shops then costs a few dozen distances instead of 5,000 and a sort. The answer is exactly the
/// brute-force one: shops ordered by (haversine distance, id).
/// </summary>
public sealed class ShopGeoIndex
{
    private const double KmPerDegree = 6371.0088 * Math.PI / 180;
    private const int ShopsPerCell = 4;
    // The bound below is a slight under-estimate on purpose (a great circle is a little shorter
    // than a parallel); this margin keeps it a true lower bound at any city's size.
    private const double Margin = 0.99;

    private readonly Shop[] _shops;
    private readonly int[][] _cells;
    private readonly double _minLong;
    private readonly double _minLat;
    private readonly double _cellDegrees;
    private readonly double _maxAbsLat;
    private readonly int _columns;
    private readonly int _rows;

    public ShopGeoIndex(Shop[] shops)
    {
        _shops = shops;
        if (shops.Length == 0)
        {
            _cells = [];
            _cellDegrees = 1;
            return;
        }
        _minLong = shops.Min(s => s.Long);
        _minLat = shops.Min(s => s.Lat);
        var width = Math.Max(shops.Max(s => s.Long) - _minLong, 1e-6);
        var height = Math.Max(shops.Max(s => s.Lat) - _minLat, 1e-6);
        _maxAbsLat = shops.Max(s => Math.Abs(s.Lat));
        var cellCount = Math.Max(1.0, (double)shops.Length / ShopsPerCell);
        _cellDegrees = Math.Max(Math.Sqrt(width * height / cellCount), 1e-4);
        _columns = (int)Math.Min(4096, Math.Floor(width / _cellDegrees) + 1);
        _rows = (int)Math.Min(4096, Math.Floor(height / _cellDegrees) + 1);
        _cellDegrees = Math.Max(_cellDegrees, Math.Max(width / (_columns - 0.5), height / (_rows - 0.5)));

        var lists = new List<int>?[_columns * _rows];
        for (var i = 0; i < shops.Length; i++)
        {
            var cell = Clamp(Column(shops[i].Long), _columns) * _rows + Clamp(Row(shops[i].Lat), _rows);
            (lists[cell] ??= []).Add(i);
        }
        _cells = [.. lists.Select(l => l?.ToArray() ?? [])];
    }

    /// <summary>
    /// The first <paramref name="take"/> shops that <paramref name="match"/>, nearest first (ties
    /// by id), with their distances in km.
    /// </summary>
    public List<(Shop Shop, double Distance)> Nearest(double longitude, double latitude, Func<Shop, bool>? match, int take)
    {
        var found = new List<(Shop Shop, double Distance)>();
        if (_shops.Length == 0 || take <= 0) return found;
        var column = Column(longitude);
        var row = Row(latitude);
        // Every point of a cell r rings out is more than (r - 1) cells away along one axis.
        var cellKm = _cellDegrees * KmPerDegree * Math.Cos(Math.Min(89.9, Math.Max(_maxAbsLat, Math.Abs(latitude))) * Math.PI / 180) * Margin;
        var first = Math.Max(Outside(column, _columns), Outside(row, _rows));
        var last = Math.Max(Math.Max(column, _columns - 1 - column), Math.Max(row, _rows - 1 - row));
        var comparer = Comparer<(Shop Shop, double Distance)>.Create((a, b) =>
            a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Shop.Id.CompareTo(b.Shop.Id));

        var sorted = false;
        for (var ring = first; ring <= last && !sorted; ring++)
        {
            ScanRing(column, row, ring, longitude, latitude, match, found);
            if (found.Count < take) continue;
            found.Sort(comparer);
            // No unscanned cell can hold a shop nearer than the last one wanted: done.
            sorted = found[take - 1].Distance <= ring * cellKm;
        }
        if (!sorted) found.Sort(comparer);
        if (found.Count > take) found.RemoveRange(take, found.Count - take);
        return found;
    }

    private void ScanRing(int column, int row, int ring, double longitude, double latitude, Func<Shop, bool>? match,
        List<(Shop Shop, double Distance)> found)
    {
        for (var c = Math.Max(0, column - ring); c <= Math.Min(_columns - 1, column + ring); c++)
        {
            if (c == column - ring || c == column + ring)
            {
                // The ring's left and right sides: whole columns.
                for (var r = Math.Max(0, row - ring); r <= Math.Min(_rows - 1, row + ring); r++) ScanCell(c, r, longitude, latitude, match, found);
            }
            else
            {
                // Columns in between hold only the ring's top and bottom cells.
                if (row - ring >= 0 && row - ring < _rows) ScanCell(c, row - ring, longitude, latitude, match, found);
                if (ring > 0 && row + ring >= 0 && row + ring < _rows) ScanCell(c, row + ring, longitude, latitude, match, found);
            }
        }
    }

    private void ScanCell(int column, int row, double longitude, double latitude, Func<Shop, bool>? match,
        List<(Shop Shop, double Distance)> found)
    {
        foreach (var index in _cells[column * _rows + row])
        {
            var shop = _shops[index];
            if (match is not null && !match(shop)) continue;
            found.Add((shop, Geo.HaversineKm(longitude, latitude, shop.Long, shop.Lat)));
        }
    }

    private int Column(double longitude) => (int)Math.Floor((longitude - _minLong) / _cellDegrees);
    private int Row(double latitude) => (int)Math.Floor((latitude - _minLat) / _cellDegrees);
    private static int Clamp(int index, int count) => Math.Clamp(index, 0, count - 1);
    private static int Outside(int index, int count) => index < 0 ? -index : index >= count ? index - count + 1 : 0;
}
