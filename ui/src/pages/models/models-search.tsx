import { useState } from 'react';

/**
 * The search box of the models list. The search runs on Enter (or the button), not on every key,
 * so typing a filter expression sends one request instead of one per half-typed clause.
 */
export function ModelsSearch({ onSearch }: { onSearch: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      className="row wrap"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text);
      }}
    >
      <input
        type="search"
        className="search"
        aria-label="Search models"
        placeholder="Name, or a filter: tags.team = 'ml'"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          // Clearing the box (its × button, or deleting all) shows every model again at once.
          if (event.target.value === '') onSearch('');
        }}
      />
      <button type="submit">Search</button>
    </form>
  );
}
