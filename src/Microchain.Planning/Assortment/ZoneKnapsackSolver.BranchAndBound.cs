namespace Microchain.Planning.Assortment;

public static partial class ZoneKnapsackSolver
{
    /// <summary>
    /// Depth-first branch and bound over the candidates in density order, include first. The bound at a node is
    /// the smaller of two relaxations of what is left: the best scores that still fit the free slots, and each
    /// zone's fractional (Dantzig) fill of its free volume. Stops at the node limit with the incumbent.
    /// </summary>
    private sealed class BranchAndBound
    {
        private readonly State _s;
        private readonly long _maxNodes;
        private readonly int _n;
        private readonly long[][] _suffixTop;
        private readonly int[][] _zoneOrder;
        private readonly long[] _used;
        private readonly bool[] _take;

        public BranchAndBound(State s, long incumbentScore, List<int> incumbent, long maxNodes)
        {
            _s = s;
            _maxNodes = maxNodes;
            _n = s.Order.Length;
            BestScore = incumbentScore;
            Best = [.. incumbent];
            _suffixTop = new long[_n + 1][];
            for (var d = 0; d <= _n; d++)
            {
                var scores = new long[_n - d];
                for (var m = d; m < _n; m++) scores[m - d] = s.Score0[s.Order[m]];
                Array.Sort(scores);
                Array.Reverse(scores);
                var prefix = new long[scores.Length + 1];
                for (var m = 0; m < scores.Length; m++) prefix[m + 1] = prefix[m] + scores[m];
                _suffixTop[d] = prefix;
            }
            _zoneOrder = new int[s.Cap.Length][];
            for (var z = 0; z < s.Cap.Length; z++)
            {
                var zone = z;
                _zoneOrder[z] = Enumerable.Range(0, _n).Where(m => s.Zone[s.Order[m]] == zone)
                    .OrderByDescending(m => (double)s.Score0[s.Order[m]] / s.Vol[s.Order[m]]).ThenBy(m => m).ToArray();
            }
            _used = new long[s.Cap.Length];
            _take = new bool[_n];
        }

        public long BestScore { get; private set; }
        public int[] Best { get; private set; }
        public long Nodes { get; private set; }
        public bool Complete { get; private set; } = true;

        public void Run() => Explore(0, 0, 0);

        private void Explore(int depth, int count, long score)
        {
            if (!Complete) return;
            if (++Nodes > _maxNodes)
            {
                Complete = false;
                return;
            }
            if (depth == _n || count == _s.P.Slots)
            {
                if (score > BestScore) Record(depth, score);
                return;
            }
            if (score + Bound(depth, count) <= BestScore) return;
            var k = _s.Order[depth];
            var z = _s.Zone[k];
            if (_used[z] + _s.Vol[k] <= _s.Cap[z])
            {
                _used[z] += _s.Vol[k];
                _take[depth] = true;
                Explore(depth + 1, count + 1, score + _s.Score0[k]);
                _take[depth] = false;
                _used[z] -= _s.Vol[k];
            }
            Explore(depth + 1, count, score);
        }

        private long Bound(int depth, int count)
        {
            var free = Math.Min(_s.P.Slots - count, _n - depth);
            var slotBound = _suffixTop[depth][free];
            double zoneBound = 0;
            for (var z = 0; z < _zoneOrder.Length; z++)
            {
                double room = _s.Cap[z] - _used[z];
                foreach (var m in _zoneOrder[z])
                {
                    if (room <= 0) break;
                    if (m < depth) continue;
                    var k = _s.Order[m];
                    var share = Math.Min(1.0, room / _s.Vol[k]);
                    zoneBound += share * _s.Score0[k];
                    room -= share * _s.Vol[k];
                }
            }
            var zoneFloor = (long)Math.Floor(zoneBound + 1e-7 * Math.Max(1, zoneBound));
            return Math.Min(slotBound, zoneFloor);
        }

        private void Record(int depth, long score)
        {
            BestScore = score;
            var chosen = new List<int>();
            for (var m = 0; m < depth; m++)
                if (_take[m]) chosen.Add(_s.Cand[_s.Order[m]]);
            Best = [.. chosen];
        }
    }
}
