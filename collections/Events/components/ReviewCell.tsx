'use client'
import type { DefaultCellComponentProps, SelectFieldClient } from 'payload'
import { REVIEW_LABELS, type Review } from '../../enums'

/** The events list's "Revisione": only drafts are in a review state; a published event shows none. */
export const ReviewCell = ({ cellData, rowData }: DefaultCellComponentProps<SelectFieldClient>) => {
  if (rowData?._status === 'published') return <span>–</span>
  return <span>{REVIEW_LABELS[(cellData as Review) ?? 'none'] ?? ''}</span>
}
