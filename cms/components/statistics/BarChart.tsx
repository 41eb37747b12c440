'use client'
import { Bar, CartesianGrid, BarChart as Chart, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts'

export type ChartPoint = { label: string; current: number; previous: number }

/**
 * A bar chart of one table (the period beside the year before), drawn by recharts in the browser. It is a
 * picture of the table next to it: one image with a name for screen readers, nothing to focus; the figures
 * themselves are read, copied and downloaded from the table.
 */
export const BarChart = ({
  points,
  label,
  currentName,
  previousName,
}: {
  points: ChartPoint[]
  label: string
  currentName: string
  previousName: string
}) => (
  <div role="img" aria-label={label} className="stats-chart">
    <ResponsiveContainer width="100%" height={Math.max(220, Math.min(points.length, 24) * 18 + 120)}>
      <Chart data={points} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#c7c7c7" />
        <XAxis
          dataKey="label"
          tick={{ fill: 'currentColor', fontSize: 12 }}
          interval={0}
          height={60}
          angle={-20}
          textAnchor="end"
        />
        <YAxis allowDecimals={false} tick={{ fill: 'currentColor', fontSize: 12 }} />
        <Legend />
        <Bar dataKey="current" name={currentName} fill="#1f4e79" isAnimationActive={false} />
        <Bar dataKey="previous" name={previousName} fill="#9bb7d4" isAnimationActive={false} />
      </Chart>
    </ResponsiveContainer>
  </div>
)
