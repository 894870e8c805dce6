/**
 * The k best items of a stream in O(n log k), with a bounded min-heap: the worst kept item sits at
 * the root and is replaced when a better one arrives. Ties go to the smaller id, so results are
 * deterministic whatever the input order.
 */
export interface Scored {
  id: number;
  score: number;
}

/** True when `a` ranks below `b`. */
const worse = (a: Scored, b: Scored) => a.score < b.score || (a.score === b.score && a.id > b.id);

export class TopK {
  private readonly heap: Scored[] = [];
  private readonly k: number;

  constructor(k: number) {
    this.k = k;
  }

  push(id: number, score: number): void {
    const item = { id, score };
    if (this.heap.length < this.k) {
      this.heap.push(item);
      this.up(this.heap.length - 1);
    } else if (this.k > 0 && worse(this.heap[0], item)) {
      this.heap[0] = item;
      this.down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): Scored[] {
    return [...this.heap].sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  }

  private up(index: number) {
    const heap = this.heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!worse(heap[index], heap[parent])) break;
      [heap[index], heap[parent]] = [heap[parent], heap[index]];
      index = parent;
    }
  }

  private down(index: number) {
    const heap = this.heap;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && worse(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && worse(heap[right], heap[smallest])) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest], heap[index]];
      index = smallest;
    }
  }
}
