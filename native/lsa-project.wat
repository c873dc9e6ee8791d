;; The LSA projection of a text (src/search/lsa/projection.ts), four numbers at a time: adds each of the text's
;; terms' rows of the projection, times the term's weight, to a sum. Memory holds the projection from byte 0
;; (rows of `dimensions` float32s), then the caller's scratch: the term rows (i32), their weights (f32), the sum.
(module
  (memory (export "memory") 1)
  ;; sum[0..dimensions) += weights[i] * projection[rows[i]] for each i < count; dimensions is a multiple of 4.
  (func (export "project")
    (param $rows i32) (param $weights i32) (param $count i32) (param $sum i32) (param $dimensions i32)
    (local $i i32) (local $row i32) (local $at i32) (local $end i32) (local $weight v128) (local $stride i32)
    (local.set $stride (i32.shl (local.get $dimensions) (i32.const 2)))
    (local.set $end (i32.add (local.get $sum) (local.get $stride)))
    (block $done
      (loop $term
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $weight
          (f32x4.splat (f32.load (i32.add (local.get $weights) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $row
          (i32.mul (i32.load (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 2))))
            (local.get $stride)))
        (local.set $at (local.get $sum))
        (block $added
          (loop $add
            (br_if $added (i32.ge_u (local.get $at) (local.get $end)))
            (v128.store (local.get $at)
              (f32x4.add (v128.load (local.get $at))
                (f32x4.mul (local.get $weight) (v128.load (local.get $row)))))
            (local.set $at (i32.add (local.get $at) (i32.const 16)))
            (local.set $row (i32.add (local.get $row) (i32.const 16)))
            (br $add)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $term))))
)
