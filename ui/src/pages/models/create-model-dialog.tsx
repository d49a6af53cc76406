import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { InlineError } from '../../components/states.js';
import { links } from '../../links.js';
import { modelKey } from './query-keys.js';

/**
 * Creates an empty registered model and opens its page. The server's refusal (a name already
 * taken, say) is shown in the dialog, which stays open to fix the name.
 */
export function CreateModelDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      api.registry.createRegisteredModel(
        name.trim(),
        description.trim() ? { description: description.trim() } : {},
      ),
    onSuccess: (model) => {
      // The answer is the model page's first query, so opening it costs no request.
      queryClient.setQueryData(modelKey(model.name), model);
      void queryClient.invalidateQueries({ queryKey: ['registered-models'] });
      navigate(links.model(model.name));
    },
  });
  return (
    <Dialog
      title="Create model"
      submitLabel="Create"
      submitDisabled={name.trim() === ''}
      busy={create.isPending}
      onClose={onClose}
      onSubmit={() => create.mutate()}
    >
      <label className="field">
        Model name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={256} />
      </label>
      <label className="field">
        Description (optional, Markdown)
        <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <InlineError error={create.error} />
    </Dialog>
  );
}
